package io.imagestreams.importer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import com.mongodb.client.MongoClient;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.ImportRequested;
import io.imagestreams.api.event.ImportTag;
import io.imagestreams.api.event.ImportPolicy;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.StreamUpdated;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.importer.messaging.ImportRequestsConsumer;
import io.imagestreams.importer.messaging.ImportResultsPublisher;
import io.imagestreams.importer.messaging.StreamEventsConsumer;
import io.imagestreams.importer.messaging.TestEvents;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * import-service's own API and its event-driven bookkeeping, without a registry: credentials (write-only,
 * encrypted), registry settings, notification authentication, schedules learned from stream events, and
 * refused import targets (answered without any connection).
 */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ImportServiceApiTest {

    private static final String SECRET = "test-notification-secret";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void credentialsAreWriteOnlyAndEncryptedAtRest() {
        // given
        String ns = namespace();
        String auth = java.util.Base64.getEncoder().encodeToString("robot:s3cr3t-pass".getBytes());

        // when
        String created = given().contentType("application/json")
                .body("{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + auth + "\"},"
                        + " \"quay.io\": {\"username\": \"bot\", \"password\": \"hunter2-pass\"}}}")
                .put("/api/v1/credentials/" + ns)
                .then().statusCode(201)
                .body("namespace", equalTo(ns))
                .body("registries", contains("docker.io", "quay.io"))
                .extract().asString();

        // then
        assertThat(created).doesNotContain("s3cr3t-pass", "hunter2-pass", "robot", auth);
        String listed = given().get("/api/v1/credentials").then().statusCode(200).extract().asString();
        assertThat(listed).contains(ns).doesNotContain("s3cr3t-pass", "hunter2-pass");
        Document stored = mongo.getDatabase(database).getCollection("credentials").find(new Document("_id", ns)).first();
        assertThat(stored.toJson()).doesNotContain("s3cr3t-pass", "hunter2-pass", "robot", auth);
        given().contentType("application/json").body("{\"auths\": {\"quay.io\": {\"auth\": \"" + auth + "\"}}}")
                .put("/api/v1/credentials/" + ns).then().statusCode(200).body("registries", contains("quay.io"));
        given().delete("/api/v1/credentials/" + ns).then().statusCode(204);
        given().get("/api/v1/credentials/" + ns).then().statusCode(404).body("error", containsString(ns));
    }

    @Test
    void badCredentialsNameTheField() {
        String ns = namespace();
        given().contentType("application/json").body("{}").put("/api/v1/credentials/" + ns)
                .then().statusCode(400).body("field", equalTo("auths"));
        given().contentType("application/json").body("{\"auths\": {\"quay.io\": {\"auth\": \"bm9jb2xvbg==\"}}}")
                .put("/api/v1/credentials/" + ns)
                .then().statusCode(400).body("field", equalTo("auths[\"quay.io\"].auth"));
        given().contentType("application/json").body("{\"auths\": {\"quay.io\": {\"username\": \"u\"}}}")
                .put("/api/v1/credentials/" + ns)
                .then().statusCode(400).body("field", equalTo("auths[\"quay.io\"].password"));
        given().contentType("application/json").body("{\"auths\": {\"quay.io\": {\"auth\": \"dTpw\"}}, \"extra\": 1}")
                .put("/api/v1/credentials/" + ns)
                .then().statusCode(400).body("field", equalTo("extra"));
        given().contentType("application/json").body("{\"auths\": ")
                .put("/api/v1/credentials/" + ns)
                .then().statusCode(400).body("error", not(containsString("com.fasterxml")));
        given().contentType("application/json").body("{\"auths\": {\"quay.io\": {\"auth\": \"dTpw\"}}}")
                .put("/api/v1/credentials/Not_A_Namespace")
                .then().statusCode(400).body("field", equalTo("namespace"));
    }

    @Test
    void registrySettingsAreStrictAboutTheirFields() {
        // when / then
        given().contentType("application/json").body("{\"insecure\": true}").put("/api/v1/registries/Registry.Example:5000")
                .then().statusCode(201).body("registry", equalTo("registry.example:5000")).body("insecure", equalTo(true));
        given().get("/api/v1/registries/registry.example:5000").then().statusCode(200).body("insecure", equalTo(true));
        given().contentType("application/json").body("{\"insecure\": true, \"mirrors\": []}")
                .put("/api/v1/registries/registry.example:5000")
                .then().statusCode(400).body("field", equalTo("mirrors")).body("error", equalTo("unknown field \"mirrors\""));
        given().contentType("application/json").body("{\"insecure\": \"very\"}").put("/api/v1/registries/registry.example:5000")
                .then().statusCode(400).body("field", equalTo("insecure"));
        given().delete("/api/v1/registries/registry.example:5000").then().statusCode(204);
        given().get("/api/v1/registries/registry.example:5000").then().statusCode(404);
    }

    @Test
    void schedulesFollowTheStreamsSpecTags() {
        // given
        String ns = namespace();

        // when
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid-1", 1, List.of(
                TestEvents.dockerTag("v1", "registry.example:5000/team/app:v1", true, 1),
                TestEvents.dockerTag("pinned", "registry.example:5000/team/app@sha256:" + "a".repeat(64), true, 1),
                TestEvents.dockerTag("once", "registry.example:5000/team/app:once", false, 1))));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/schedules?namespace=" + ns)
                .then().statusCode(200)
                .body("items.tag", contains("once", "pinned", "v1"))
                .body("items.scheduled", contains(false, false, true))
                .body("scheduledTags", equalTo(1))
                .body("checksPerHour", equalTo(1.0f)));
        given().get("/api/v1/schedules/" + ns + "/app/v1").then().statusCode(200)
                .body("from", equalTo("registry.example:5000/team/app:v1"))
                .body("interval", equalTo("1h0m0s"))
                .body("nextCheckAt", not(nullValue()))
                .body("lastResult", nullValue());

        // when a tag leaves the spec, its schedule goes; a tag move raises the generation results must answer
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamUpdated(ns, "app", "uid-1", 2, List.of(
                TestEvents.dockerTag("v1", "registry.example:5000/team/app:v1", true, 1))));
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new TagUpdated(ns, "app", "v1", 3,
                new ImageRef("sha256:" + "b".repeat(64), "registry.example:5000/team/app@sha256:" + "b".repeat(64), null, null, null, null), null));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().get("/api/v1/schedules?namespace=" + ns).then().body("items.tag", contains("v1"));
            Document stored = mongo.getDatabase(database).getCollection("schedules")
                    .find(new Document("namespace", ns).append("tag", "v1")).first();
            assertThat(stored.get("specGeneration", Number.class).longValue()).isEqualTo(3);
        });

        // when the stream goes, every schedule goes
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamDeleted(ns, "app", "uid-1", 2, List.of()));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/schedules?namespace=" + ns)
                .then().body("items", org.hamcrest.Matchers.empty()));
        given().get("/api/v1/schedules/" + ns + "/app/v1").then().statusCode(404);
        given().post("/api/v1/schedules/" + ns + "/app/v1/check").then().statusCode(404);
    }

    @Test
    void registryNotificationsNeedTheSharedSecret() {
        String envelope = "{\"events\": []}";
        given().contentType("application/json").body(envelope).post("/api/v1/registry-events").then().statusCode(401);
        given().contentType("application/json").header("Authorization", "Bearer wrong").body(envelope)
                .post("/api/v1/registry-events").then().statusCode(401);
        given().contentType("application/vnd.docker.distribution.events.v1+json").header("Authorization", "Bearer " + SECRET)
                .body(envelope).post("/api/v1/registry-events").then().statusCode(200).body("events", equalTo(0));
        given().contentType("application/json").header("Authorization", "Bearer " + SECRET).body("{\"events\": 3}")
                .post("/api/v1/registry-events").then().statusCode(400).body("field", equalTo("events"));
    }

    @Test
    void lookupsOfRefusedTargetsAnswerForbiddenPerImage() {
        // given: the cloud metadata address and a pull spec that does not parse
        String isi = """
                {"kind": "ImageStreamImport", "apiVersion": "image.openshift.io/v1",
                 "metadata": {"name": "app", "namespace": "%s"},
                 "spec": {"import": true, "images": [
                   {"from": {"kind": "DockerImage", "name": "169.254.169.254/latest/meta-data:v1"}, "to": {"name": "v1"}},
                   {"from": {"kind": "DockerImage", "name": "Not A Reference"}, "to": {"name": "v2"}}]},
                 "status": {}}""".formatted(namespace());

        // when
        JsonPath answer = given().contentType("application/json").body(isi).post("/api/v1/lookups")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(answer.getString("images[0].status.status")).isEqualTo("Failure");
        assertThat(answer.getString("images[0].status.reason")).isEqualTo("Forbidden");
        assertThat(answer.getString("images[0].status.message")).contains("169.254.169.254");
        assertThat(answer.getString("images[1].status.reason")).isEqualTo("Invalid");
        assertThat(answer.getString("images[1].status.message")).contains("invalid reference format");
    }

    @Test
    void anImportRequestForARefusedTargetFailsTheTag() {
        // given
        String ns = namespace();

        // when
        TestEvents.send(connector, ImportRequestsConsumer.CHANNEL, new ImportRequested(ns, "app", List.of(
                new ImportTag("v1", "169.254.169.254/x/y:v1", 4, new ImportPolicy(true, false, "Legacy"), "Source"))));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestEvents.published(connector, ImportResultsPublisher.CHANNEL, EventTypes.IMPORT_FAILED, ns)).hasSize(1));
        var failed = TestEvents.published(connector, ImportResultsPublisher.CHANNEL, EventTypes.IMPORT_FAILED, ns).get(0);
        JsonPath payload = JsonPath.from(failed.getPayload());
        assertThat(payload.getString("reason")).isEqualTo("Forbidden");
        assertThat(payload.getLong("generation")).isEqualTo(4);
        assertThat(payload.getString("tag")).isEqualTo("v1");
        assertThat(TestEvents.key(failed)).contains(ns + "/app");
    }

    @Test
    void badLookupBodiesAre400() {
        given().contentType("application/json").body("[1, 2").post("/api/v1/lookups")
                .then().statusCode(400).body("error", containsString("not an ImageStreamImport"));
        given().contentType("application/json").body("{\"kind\": \"ImageStreamImport\"}").post("/api/v1/lookups")
                .then().statusCode(200);
        String oneImage = """
                {"kind": "ImageStreamImport", "metadata": {"name": "app", "namespace": "%s"},
                 "spec": {"images": [{"from": {"kind": "DockerImage", "name": "169.254.169.254/x/y:v1"}}]},
                 "platformPreferences": %s}""";
        given().contentType("application/json").body(oneImage.formatted(namespace(), "[null, null]"))
                .post("/api/v1/lookups").then().statusCode(400).body("field", equalTo("platformPreferences"));
        given().contentType("application/json").body(oneImage.formatted(namespace(), "[{\"preferArch\": 64}]"))
                .post("/api/v1/lookups").then().statusCode(400).body("field", equalTo("platformPreferences"));
        given().contentType("application/json").body(oneImage.formatted(namespace(), "[{\"preferArch\": \"arm64\"}]"))
                .post("/api/v1/lookups").then().statusCode(200).body("images[0].status.reason", equalTo("Forbidden"));
    }

    private static String namespace() {
        return "ns-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
