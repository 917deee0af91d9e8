package io.imagestreams.trigger.repository;

import com.mongodb.client.model.Indexes;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the indexes trigger-service relies on. Runs in the background and retries, so the service starts
 * (and reports not-ready) while MongoDB is unreachable instead of crash-looping.
 */
@Startup
@ApplicationScoped
public class MongoIndexes {

    public MongoIndexes(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        var db = mongo.getDatabase(database);
        var triggers = db.getCollection(WebhookTriggerRepository.COLLECTION);
        var deliveries = db.getCollection(DeliveryRepository.COLLECTION);
        var tagImages = db.getCollection(TagImageRepository.COLLECTION);
        var workloads = db.getCollection(WorkloadTriggerRepository.COLLECTION);
        var workloadStates = db.getCollection(WorkloadTriggerRepository.STATE_COLLECTION);
        Uni.combine().all().unis(
                // a tag move looks up every trigger of that image stream tag
                triggers.createIndex(Indexes.ascending("from.namespace", "from.name")),
                // the delivery worker claims the trigger due first
                triggers.createIndex(Indexes.ascending("dueAt")),
                deliveries.createIndex(Indexes.ascending("triggerId", "status", "seq")),
                deliveries.createIndex(Indexes.descending("createdAt", "seq")),
                tagImages.createIndex(Indexes.ascending("namespace", "stream")),
                // a tag move looks up the workloads following it
                workloads.createIndex(Indexes.ascending("istags")),
                workloads.createIndex(Indexes.ascending("namespace", "kind", "name")),
                // replicas claim workload triggers whose held image is due
                workloadStates.createIndex(Indexes.ascending("dueAt")))
                .discardItems()
                .onFailure().invoke(e -> Log.warnf("MongoDB indexes not created yet (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> Log.debug("MongoDB indexes in place"));
    }
}
