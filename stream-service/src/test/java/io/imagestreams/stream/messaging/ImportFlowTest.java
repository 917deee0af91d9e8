package io.imagestreams.stream.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous import flow as stream-service sees it: a new spec tag asks for an import through the outbox,
 * and import-service's result moves the tag; duplicates and stale results change nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ImportFlowTest {

    private static final String API = "/apis/image.openshift.io/v1";
    private static final String DIGEST = "sha256:" + "d".repeat(64);

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aTagsPreferredPlatformTravelsWithItsImportRequestAndStreamEvent() {
        // given
        String ns = "imports-" + UUID.randomUUID().toString().substring(0, 8);
        InMemorySink<String> outbox = connector.sink(OutboxRelay.CHANNEL);

        // when
        given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"},
                 "spec":{"tags":[{"name":"arm","annotations":{"importer.image.openshift.io/prefer-arch":"arm64"},
                                  "from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"},
                                  "importPolicy":{"scheduled":true}},
                                 {"name":"plain","from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);

        // then
        Message<String> request = await().atMost(Duration.ofSeconds(10)).until(
                () -> find(outbox.received(), EventTypes.IMPORT_REQUESTED, ns), m -> m != null);
        JsonPath requested = JsonPath.from(request.getPayload());
        assertThat(requested.getString("tags.find { it.tag == 'arm' }.preferArch")).isEqualTo("arm64");
        assertThat(requested.getMap("tags.find { it.tag == 'arm' }")).doesNotContainKey("preferOs");
        assertThat(requested.getMap("tags.find { it.tag == 'plain' }")).doesNotContainKey("preferArch");
        JsonPath created = JsonPath.from(await().atMost(Duration.ofSeconds(10)).until(
                () -> find(outbox.received(), EventTypes.STREAM_CREATED, ns), m -> m != null).getPayload());
        assertThat(created.getString("tags.find { it.name == 'arm' }.preferArch")).isEqualTo("arm64");
        assertThat(created.getMap("tags.find { it.name == 'plain' }")).doesNotContainKey("preferArch");
    }

    @Test
    void aNewDockerImageTagIsImportedAndTheResultMovesTheTag() {
        // given
        String ns = "imports-" + UUID.randomUUID().toString().substring(0, 8);
        InMemorySink<String> outbox = connector.sink(OutboxRelay.CHANNEL);
        given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"},
                 "spec":{"tags":[{"name":"v1","from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"}},
                                 {"name":"latest","from":{"kind":"ImageStreamTag","name":"v1"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);

        // then an import is requested, keyed by the stream, on its topic
        Message<String> request = await().atMost(Duration.ofSeconds(10)).until(
                () -> find(outbox.received(), EventTypes.IMPORT_REQUESTED, ns), m -> m != null);
        JsonPath requested = JsonPath.from(request.getPayload());
        assertThat(requested.getString("tags[0].from")).isEqualTo("quay.io/acme/app:v1");
        assertThat(requested.getLong("tags[0].generation")).isEqualTo(1L);
        assertThat(request.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey()).isEqualTo(ns + "/app");
        assertThat(request.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic()).isEqualTo("image-import-requests");

        // when import-service answers
        String succeeded = succeeded(ns, 1);
        send(EventTypes.IMPORT_SUCCEEDED, succeeded);

        // then the tag and the tag tracking it point at the imported image by digest
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/app:latest")
                .then().statusCode(200)
                .body("image.metadata.name", equalTo(DIGEST))
                .body("image.dockerImageReference", equalTo("quay.io/acme/app@" + DIGEST)));
        String resourceVersion = given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().extract().path("metadata.resourceVersion");
        await().atMost(Duration.ofSeconds(10)).until(() -> find(outbox.received(), EventTypes.TAG_UPDATED, ns) != null);

        // when the same result arrives again, and then an older failure
        send(EventTypes.IMPORT_SUCCEEDED, succeeded);
        send(EventTypes.IMPORT_FAILED, """
                {"namespace":"%s","stream":"app","tag":"v1","generation":0,"reason":"NotFound","message":"old"}""".formatted(ns));

        // then nothing changes
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then()
                        .body("metadata.resourceVersion", equalTo(resourceVersion)));
    }

    @Test
    void aFailedImportKeepsThePreviousImageAndSaysWhy() {
        // given
        String ns = "imports-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"},
                 "spec":{"tags":[{"name":"v1","from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);

        // when
        send(EventTypes.IMPORT_FAILED, """
                {"namespace":"%s","stream":"app","tag":"v1","generation":1,"reason":"Unauthorized","message":"you may not pull"}"""
                .formatted(ns));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get(API + "/namespaces/" + ns + "/imagestreams/app")
                .then().statusCode(200)
                .body("status.tags[0].conditions[0].type", equalTo("ImportSuccess"))
                .body("status.tags[0].conditions[0].status", equalTo("False"))
                .body("status.tags[0].conditions[0].reason", equalTo("Unauthorized"))
                .body("status.tags[0].conditions[0].message", equalTo("you may not pull")));
    }

    private void send(String type, String payload) {
        DefaultIncomingCloudEventMetadata<String> cloudEvent = new DefaultIncomingCloudEventMetadata<>(
                UUID.randomUUID().toString(), "1.0", URI.create("/import-service"), type, "application/json", null, null,
                ZonedDateTime.now(), Map.of(), payload);
        connector.source(ImportResultsConsumer.CHANNEL).send(Message.of(payload, Metadata.of(cloudEvent)));
    }

    private static String succeeded(String ns, long generation) {
        Image image = Image.named(DIGEST).withDockerImageReference("quay.io/acme/app@" + DIGEST);
        return """
                {"namespace":"%s","stream":"app","tag":"v1","generation":%d,"dockerImageReference":"quay.io/acme/app@%s","image":%s}"""
                .formatted(ns, generation, DIGEST, ImageApiJson.toJsonString(image));
    }

    private static Message<String> find(List<? extends Message<String>> messages, String type, String ns) {
        return messages.stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).map(ce -> ce.getType().equals(type)).orElse(false))
                .filter(m -> ns.equals(JsonPath.from(m.getPayload()).getString("namespace")))
                .findFirst().orElse(null);
    }
}
