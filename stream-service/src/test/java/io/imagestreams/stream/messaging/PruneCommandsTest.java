package io.imagestreams.stream.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * prune-service's commands as stream-service applies them: only entries that still match the plan go, a
 * re-delivered command changes nothing, a restore puts entries back below newer ones, and images are deleted only
 * when no history names them. Each outcome is reported on the change log.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class PruneCommandsTest {

    private static final String API = "/apis/image.openshift.io/v1";

    @Inject
    @Any
    InMemoryConnector connector;

    private String ns;
    /** Images are cluster-scoped: each test uses its own digests. */
    private long digestBase;
    private InMemorySink<String> outbox;

    @BeforeEach
    void newNamespace() {
        ns = "prune-" + UUID.randomUUID().toString().substring(0, 8);
        digestBase = (long) (Math.random() * 1_000_000) * 10_000;
        outbox = connector.sink(OutboxRelay.CHANNEL);
        given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);
    }

    @Test
    void pruneRemovesThePlannedEntriesOnceAndReportsThem() {
        // given five images mapped to app:v1, newest first: d4 d3 d2 d1 d0
        List<String> digests = mapImages("v1", 5);

        // when entries at positions 2..4 are pruned, twice (a re-delivery)
        String command = pruneCommand("run-a", "v1", List.of(entry("v1", 2, digests.get(2)), entry("v1", 3, digests.get(1)),
                entry("v1", 4, digests.get(0))));
        send(EventTypes.PRUNE_REVISIONS, command);
        send(EventTypes.PRUNE_REVISIONS, command);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1")).containsExactly(digests.get(4), digests.get(3)));
        JsonPath pruned = JsonPath.from(awaitEvent(EventTypes.HISTORY_PRUNED, "run-a").getPayload());
        assertThat(pruned.getList("entries.image")).containsExactly(digests.get(2), digests.get(1), digests.get(0));
        assertThat(pruned.getList("entries.position", Integer.class)).containsExactly(2, 3, 4);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> events(EventTypes.HISTORY_PRUNED, "run-a").size() == 1);
        assertThat(events(EventTypes.TAG_UPDATED, null).stream().filter(m -> JsonPath.from(m.getPayload()).get("history") != null))
                .as("the prune is reported as HistoryPruned, not as a rewritten tag").isEmpty();
    }

    @Test
    void aTagMovedSinceThePlanWinsOverThePrune() {
        // given a plan made on d2 d1 d0, then the tag moves: d3 d2 d1 d0
        List<String> digests = mapImages("v1", 3);
        String planned = pruneCommand("run-b", "v1", List.of(entry("v1", 1, digests.get(1)), entry("v1", 2, digests.get(0))));
        map("v1", digest(digestBase + 99));

        // when
        send(EventTypes.PRUNE_REVISIONS, planned);

        // then nothing at the planned positions matches any more, so nothing goes
        JsonPath pruned = JsonPath.from(awaitEvent(EventTypes.HISTORY_PRUNED, "run-b").getPayload());
        assertThat(pruned.getList("entries")).isEmpty();
        assertThat(history("v1")).containsExactly(digest(digestBase + 99), digests.get(2), digests.get(1), digests.get(0));
    }

    @Test
    void theCurrentEntryIsNeverRemoved() {
        // given
        List<String> digests = mapImages("v1", 2);

        // when
        send(EventTypes.PRUNE_REVISIONS, pruneCommand("run-c", "v1", List.of(entry("v1", 0, digests.get(1)), entry("v1", 1, digests.get(0)))));

        // then
        awaitEvent(EventTypes.HISTORY_PRUNED, "run-c");
        assertThat(history("v1")).containsExactly(digests.get(1));
    }

    @Test
    void restorePutsEntriesBackInOrderBelowNewerOnesAndSkipsDeletedTags() {
        // given v1: d4 d3 d2 d1 d0 pruned to d4 d3, v2 pruned and then deleted, and a new image on v1 since
        List<String> digests = mapImages("v1", 5);
        List<String> v2 = mapImages("v2", 2);
        List<String> removed = List.of(entry("v1", 2, digests.get(2)), entry("v1", 3, digests.get(1)), entry("v1", 4, digests.get(0)));
        send(EventTypes.PRUNE_REVISIONS, pruneCommand("run-d", "v1", removed));
        String v2Removed = entry("v2", 1, v2.get(0));
        send(EventTypes.PRUNE_REVISIONS, pruneCommand("run-d", "v2", List.of(v2Removed)));
        await().atMost(Duration.ofSeconds(10)).until(() -> events(EventTypes.HISTORY_PRUNED, "run-d").size() == 2);
        map("v1", digest(digestBase + 77));
        given().when().delete(API + "/namespaces/" + ns + "/imagestreamtags/app:v2").then().statusCode(200);

        // when the run is undone, twice
        List<String> all = new ArrayList<>(removed);
        all.add(v2Removed);
        String restore = """
                {"runId":"run-d","namespace":"%s","stream":"app","entries":[%s]}""".formatted(ns, String.join(",", all));
        send(EventTypes.PRUNE_RESTORE, restore);
        send(EventTypes.PRUNE_RESTORE, restore);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1"))
                .containsExactly(digest(digestBase + 77), digests.get(4), digests.get(3), digests.get(2), digests.get(1), digests.get(0)));
        JsonPath restored = JsonPath.from(awaitEvent(EventTypes.HISTORY_RESTORED, "run-d").getPayload());
        assertThat(restored.getList("entries.image")).containsExactly(digests.get(2), digests.get(1), digests.get(0));
        assertThat(restored.getList("entries.position", Integer.class)).containsExactly(3, 4, 5);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> events(EventTypes.HISTORY_RESTORED, "run-d").size() == 1);
    }

    @Test
    void deleteImagesRemovesOnlyImagesNoHistoryNames() {
        // given d1 d0 on v1, d0 pruned; d1 still current
        List<String> digests = mapImages("v1", 2);
        send(EventTypes.PRUNE_REVISIONS, pruneCommand("run-e", "v1", List.of(entry("v1", 1, digests.get(0)))));
        awaitEvent(EventTypes.HISTORY_PRUNED, "run-e");

        // when
        String command = """
                {"runId":"run-e","digests":["%s","%s"]}""".formatted(digests.get(0), digests.get(1));
        send(EventTypes.PRUNE_DELETE_IMAGES, command);
        send(EventTypes.PRUNE_DELETE_IMAGES, command);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get(API + "/images/" + digests.get(0)).then().statusCode(404));
        given().when().get(API + "/images/" + digests.get(1)).then().statusCode(200);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                outbox.received().stream().filter(m -> type(m).equals(EventTypes.IMAGE_DELETED))
                        .map(m -> JsonPath.from(m.getPayload()).getString("digest")).filter(d -> digests.contains(d)).toList())
                .containsExactly(digests.get(0)));
    }

    @Test
    void tagUpdatesCarryTheEntryTimeAndAStatusRewriteCarriesTheWholeHistory() {
        // given
        List<String> digests = mapImages("v1", 3);
        Message<String> moved = await().atMost(Duration.ofSeconds(10)).until(() -> events(EventTypes.TAG_UPDATED, null).stream()
                .filter(m -> digests.get(2).equals(JsonPath.from(m.getPayload()).getString("image.digest"))).findFirst().orElse(null),
                m -> m != null);
        assertThat(JsonPath.from(moved.getPayload()).getString("image.created")).isNotNull();
        assertThat(JsonPath.from(moved.getPayload()).getString("history")).isNull();

        // when a status update drops the oldest entry
        JsonPath stream = given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().extract().jsonPath();
        String resourceVersion = stream.getString("metadata.resourceVersion");
        List<Map<String, Object>> items = stream.getList("status.tags[0].items");
        String body = """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream",
                 "metadata":{"name":"app","namespace":"%s","resourceVersion":"%s"},
                 "status":{"tags":[{"tag":"v1","items":[%s,%s]}]}}""".formatted(ns, resourceVersion, json(items.get(0)), json(items.get(1)));
        given().contentType("application/json").body(body).when().put(API + "/namespaces/" + ns + "/imagestreams/app/status")
                .then().statusCode(200);

        // then
        Message<String> rewritten = await().atMost(Duration.ofSeconds(10)).until(() -> events(EventTypes.TAG_UPDATED, null).stream()
                .filter(m -> JsonPath.from(m.getPayload()).get("history") != null).findFirst().orElse(null), m -> m != null);
        assertThat(JsonPath.from(rewritten.getPayload()).getList("history.image")).containsExactly(digests.get(2), digests.get(1));
    }

    private List<String> mapImages(String tag, int count) {
        List<String> digests = IntStream.range(0, count).mapToObj(i -> digest(digestBase + (tag.equals("v1") ? 1000 : 2000) + i))
                .collect(Collectors.toList());
        digests.forEach(d -> map(tag, d));
        return digests;
    }

    private void map(String tag, String digest) {
        given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamMapping","metadata":{"name":"app"},"tag":"%s",
                 "image":{"metadata":{"name":"%s"},"dockerImageReference":"quay.io/acme/app@%s"}}""".formatted(tag, digest, digest))
                .when().post(API + "/namespaces/" + ns + "/imagestreammappings").then().statusCode(201);
    }

    private List<String> history(String tag) {
        return given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(200).extract().jsonPath()
                .getList("status.tags.find { it.tag == '" + tag + "' }.items.image");
    }

    private String pruneCommand(String runId, String tag, List<String> entries) {
        return """
                {"runId":"%s","namespace":"%s","stream":"app","tag":"%s","entries":[%s]}""".formatted(runId, ns, tag, String.join(",", entries));
    }

    private static String entry(String tag, int position, String digest) {
        return """
                {"tag":"%s","position":%d,"image":"%s","dockerImageReference":"quay.io/acme/app@%s","created":"2026-11-22T10:00:00Z","generation":1}"""
                .formatted(tag, position, digest, digest);
    }

    private static String digest(long n) {
        return "sha256:" + String.format("%064x", n);
    }

    private static String json(Map<String, Object> item) {
        return io.imagestreams.api.json.ImageApiJson.toJsonString(item);
    }

    private void send(String type, String payload) {
        DefaultIncomingCloudEventMetadata<String> cloudEvent = new DefaultIncomingCloudEventMetadata<>(
                "1.0", UUID.randomUUID().toString(), URI.create("/prune-service"), type, "application/json", null, null,
                ZonedDateTime.now(), Map.of(), payload);
        connector.source(PruneCommandsConsumer.CHANNEL).send(Message.of(payload, Metadata.of(cloudEvent)));
    }

    private Message<String> awaitEvent(String type, String runId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> events(type, runId).stream().findFirst().orElse(null), m -> m != null);
    }

    /** Events of {@code type} for this test's namespace (and run, if given). */
    private List<Message<String>> events(String type, String runId) {
        List<Message<String>> found = new ArrayList<>();
        for (Message<String> m : new ArrayList<>(outbox.received())) {
            JsonPath payload = JsonPath.from(m.getPayload());
            if (type(m).equals(type) && ns.equals(payload.getString("namespace")) && (runId == null || runId.equals(payload.getString("runId")))) {
                found.add(m);
            }
        }
        return found;
    }

    private static String type(Message<String> m) {
        return m.getMetadata(OutgoingCloudEventMetadata.class).map(OutgoingCloudEventMetadata::getType).orElse("");
    }
}
