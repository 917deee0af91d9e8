package io.imagestreams.importer.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the indexes import-service relies on. Runs in the background and retries, so the service starts
 * (and reports not-ready) while MongoDB is unreachable instead of crash-looping.
 */
@Startup
@ApplicationScoped
public class MongoIndexes {

    static final String SCHEDULES = "schedules";

    public MongoIndexes(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        var schedules = mongo.getDatabase(database).getCollection(SCHEDULES);
        Uni.combine().all().unis(
                // one schedule per scheduled tag
                schedules.createIndex(Indexes.ascending("namespace", "stream", "tag"), new IndexOptions().unique(true)),
                // due tags are claimed in nextCheckAt order
                schedules.createIndex(Indexes.ascending("scheduled", "nextCheckAt")),
                // a push notification finds the tags that import the pushed repository:tag
                schedules.createIndex(Indexes.ascending("repository", "sourceTag")))
                .discardItems()
                .onFailure().invoke(e -> Log.warnf("MongoDB indexes not created yet (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> Log.debug("MongoDB indexes in place"));
    }
}
