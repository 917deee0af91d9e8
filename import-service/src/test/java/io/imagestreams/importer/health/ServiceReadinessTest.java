package io.imagestreams.importer.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void createsItsIndexesInItsOwnDatabase() {
        // when the service has started, then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> indexes = new ArrayList<>();
            mongo.getDatabase(database).getCollection("schedules").listIndexes().forEach(i -> indexes.add(i.getString("name")));
            assertThat(indexes).contains("namespace_1_stream_1_tag_1");
        });
    }
}
