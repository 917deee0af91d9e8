package io.imagestreams.prune.service;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static io.imagestreams.prune.testing.StreamEventsFeed.ref;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.CloudEventHeaders;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.event.Topics;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The projection is rebuilt from the beginning of the real topic, with a plain consumer, and reports its progress. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ProjectionRebuildTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ImageApiJson.newObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool pool;

    @Test
    void aRebuildReadsTheTopicFromTheStartIntoAFreshProjection() throws Exception {
        // given a stream's life on the change log: created, then three images on one tag (and a duplicate delivery)
        String ns = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        long base = (long) (Math.random() * 1_000_000) * 1000;
        Instant created = Instant.parse("2026-11-01T10:00:00Z");
        List<EventPayload> events = new ArrayList<>();
        events.add(new StreamCreated(ns, "app", UUID.randomUUID().toString(), 1, List.of()));
        ImageRef previous = null;
        for (int i = 0; i < 3; i++) {
            ImageRef image = ref(digest(base + i), created.plusSeconds(3600L * i), 100L, null);
            events.add(new TagUpdated(ns, "app", "v1", i + 1, image, previous));
            previous = image;
        }
        String duplicateId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            for (EventPayload event : events) {
                String id = event == events.get(3) ? duplicateId : UUID.randomUUID().toString();
                producer.send(record(id, event)).get();
            }
            producer.send(record(duplicateId, events.get(3))).get();
        }

        // when
        given().when().post("/api/v1/projection/rebuild").then().statusCode(202);

        // then
        JsonPath state = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().when().get("/api/v1/projection").then().statusCode(200).extract().jsonPath(),
                s -> "Live".equals(s.getString("state")) && s.getString("finishedAt") != null);
        assertThat(state.getLong("eventsRead")).isEqualTo(state.getLong("eventsTotal")).isGreaterThanOrEqualTo(5L);
        assertThat(state.getString("error")).isNull();
        List<String> history = new ArrayList<>();
        pool.preparedQuery("select image from history_entry where namespace = $1 order by seq desc").execute(Tuple.of(ns))
                .await().atMost(Duration.ofSeconds(5)).forEach(row -> history.add(row.getString(0)));
        assertThat(history).containsExactly(digest(base + 2), digest(base + 1), digest(base));
    }

    private ProducerRecord<String, String> record(String id, EventPayload event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.IMAGE_STREAM_EVENTS, event.partitionKey(),
                JSON.writeValueAsString(event));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        record.headers().add(CloudEventHeaders.ID, bytes(id));
        record.headers().add(CloudEventHeaders.SOURCE, bytes("/stream-service"));
        record.headers().add(CloudEventHeaders.TYPE, bytes(event.eventType()));
        record.headers().add(CloudEventHeaders.TIME, bytes(Rfc3339.format(Instant.now())));
        return record;
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
