package io.imagestreams.importer.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ServiceReadinessTest extends ServiceEndpointsContract {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Override
    protected String[] expectedReadinessChecks() {
        return new String[] {Checks.MONGO, Checks.KAFKA};
    }

    @Test
    void storesDocumentsInItsOwnDatabase() {
        // given
        var probes = mongo.getDatabase(database).getCollection("readiness_probe");

        // when
        probes.insertOne(new Document("_id", "probe").append("at", System.currentTimeMillis()));

        // then
        assertThat(database).isEqualTo("imports");
        assertThat(mongo.listDatabaseNames()).contains(database);
        assertThat(probes.countDocuments(new Document("_id", "probe"))).isEqualTo(1);
        probes.drop();
    }
}
