package io.imagestreams.prune.service;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static io.imagestreams.prune.testing.StreamEventsFeed.ref;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.prune.messaging.PruneCommandSender;
import io.imagestreams.prune.testing.Runs;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dry runs: every keep and remove rule, with its reason, and that a dry run changes nothing. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class RunPlanTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    private StreamEventsFeed feed;
    private String ns;
    private long base;
    private Instant now;

    @BeforeEach
    void setUp() {
        feed = new StreamEventsFeed(connector);
        ns = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        base = (long) (Math.random() * 1_000_000) * 1000;
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void revisionRankAndCurrentImageDecide() {
        // given ten images on app:v1, all old
        List<String> digests = digests(10);
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(2)), 1);
        awaitEntries(10);

        // when
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":3,"keepYoungerThan":"60m"}""".formatted(ns));

        // then
        JsonPath run = Runs.awaitState(id, "Succeeded");
        assertThat(run.getBoolean("dryRun")).isTrue();
        assertThat(run.getString("inUseCheck")).isEqualTo("NotConfigured");
        assertThat(Runs.item(run, ns, "v1", 0)).containsEntry("action", "Keep").containsEntry("reasons", List.of("CurrentImage", "WithinRevisions"))
                .containsEntry("image", digests.get(9)).containsEntry("stream", "app");
        assertThat(Runs.item(run, ns, "v1", 2)).containsEntry("action", "Keep").containsEntry("reasons", List.of("WithinRevisions"));
        assertThat(Runs.item(run, ns, "v1", 3)).containsEntry("action", "Remove").containsEntry("reasons", List.of("Pruned"));
        assertThat(run.getInt("counts.planned.historyEntries")).isEqualTo(7);
        assertThat(run.getInt("counts.planned.historyEntriesKept")).isEqualTo(3);
        assertThat(Runs.images(run.getString("id"))).as("a namespaced run plans history only").isEmpty();
    }

    @Test
    void youngEntriesAreKeptAndTheCurrentImageEvenWithZeroRevisions() {
        // given entries 0..4 hours old
        List<String> digests = digests(5);
        feed.tagHistory(ns, "app", "v1", digests, now, 1);
        awaitEntries(5);

        // when
        JsonPath run = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":0,"keepYoungerThan":"150m"}""".formatted(ns)), "Succeeded");

        // then
        assertThat(Runs.item(run, ns, "v1", 0).get("reasons")).isEqualTo(List.of("CurrentImage", "YoungerThan"));
        assertThat(Runs.item(run, ns, "v1", 2).get("reasons")).isEqualTo(List.of("YoungerThan"));
        assertThat(Runs.item(run, ns, "v1", 3).get("action")).isEqualTo("Remove");
    }

    @Test
    void aSpecTagNamingAnImageByDigestPinsIt() {
        // given
        List<String> digests = digests(5);
        feed.streamCreated(ns, "app", StreamEventsFeed.pinnedTag("stable", digests.get(0)));
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(2)), 1);
        awaitEntries(5);

        // when
        JsonPath run = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s"}""".formatted(ns)), "Succeeded");

        // then
        assertThat(Runs.item(run, ns, "v1", 4)).containsEntry("action", "Keep").containsEntry("reasons", List.of("Pinned"));
        assertThat(Runs.item(run, ns, "v1", 3).get("action")).isEqualTo("Remove");
    }

    @Test
    void anUnparseablePullSpecIsReportedAndKeptUnlessIgnored() {
        // given an old entry whose pull spec does not parse
        String bad = digest(base + 1);
        feed.send(new TagUpdated(ns, "app", "v1", 1, new ImageRef(bad, "Not A/Valid//Ref", null, null, null, now.minus(Duration.ofDays(3))),
                null));
        feed.send(new TagUpdated(ns, "app", "v1", 2, ref(digest(base + 2), now.minus(Duration.ofDays(2)), null, null),
                new ImageRef(bad, "Not A/Valid//Ref", null, null, null, null)));
        awaitEntries(2);

        // when
        JsonPath strict = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s"}""".formatted(ns)), "Succeeded");
        JsonPath lenient = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","ignoreInvalidReferences":true}""".formatted(ns)), "Succeeded");

        // then the run still succeeds either way
        assertThat(Runs.item(strict, ns, "v1", 1)).containsEntry("action", "Keep").containsEntry("reasons", List.of("InvalidReference"));
        assertThat(Runs.item(lenient, ns, "v1", 1)).containsEntry("action", "Remove");
    }

    @Test
    void imagesAreKeptWhileAnotherStreamStillNamesThemAndManifestListsKeepTheirChildren() {
        // given a shared image in two streams' histories, an image only in pruned history, and a kept manifest list
        Instant old = now.minus(Duration.ofDays(3));
        String shared = digest(base + 1);
        String orphan = digest(base + 2);
        String child = digest(base + 3);
        String list = digest(base + 4);
        feed.tagHistory(ns, "app", "v1", List.of(shared, orphan, digest(base + 5)), old, 1);
        feed.tagHistory(ns, "other", "v1", List.of(shared, digest(base + 6)), old, 1);
        feed.send(new TagUpdated(ns, "multi", "v1", 1, ref(list, old, 50L, List.of(child)), null));
        feed.send(new TagUpdated(ns, "multi", "c", 1, ref(child, old, 10L, null), null));
        feed.send(new TagUpdated(ns, "multi", "c", 2, ref(digest(base + 7), old, 10L, null), ref(child, old, 10L, null)));
        awaitEntries(8);

        // when a run over all namespaces keeps the current image only
        JsonPath run = Runs.awaitState(Runs.start("""
                {"keepTagRevisions":1,"keepYoungerThan":"0s"}"""), "Succeeded");

        // then
        assertThat(Runs.image(run, orphan)).containsEntry("action", "Remove").containsEntry("reasons", List.of("Pruned"));
        assertThat(Runs.image(run, shared)).containsEntry("action", "Remove");
        assertThat(Runs.item(run, ns, "v1", 0).get("image")).isIn(digest(base + 5), digest(base + 6), list);
        assertThat(Runs.image(run, child)).containsEntry("action", "Keep").containsEntry("reasons", List.of("ReferencedByStream"));
        assertThat(Runs.image(run, list)).containsEntry("action", "Keep").containsEntry("reasons", List.of("ReferencedByStream"));
        assertThat(run.getLong("counts.planned.bytesReclaimable")).isGreaterThanOrEqualTo(2000L);
    }

    @Test
    void anImageInAnotherStreamsKeptHistoryIsReferencedByStream() {
        // given the shared image is old history in app but within the revisions of other
        Instant old = now.minus(Duration.ofDays(3));
        String shared = digest(base + 1);
        feed.tagHistory(ns, "app", "v1", List.of(shared, digest(base + 2), digest(base + 3)), old, 1);
        feed.tagHistory(ns, "other", "v1", List.of(shared, digest(base + 4)), old, 1);
        awaitEntries(5);

        // when
        JsonPath run = Runs.awaitState(Runs.start("""
                {"keepTagRevisions":2,"keepYoungerThan":"0s"}"""), "Succeeded");

        // then the entry goes from app, the image stays for other
        Map<String, Object> entryInApp = Runs.items(run.getString("id")).stream()
                .filter(i -> ns.equals(i.get("namespace")) && "app".equals(i.get("stream")) && Integer.valueOf(2).equals(i.get("position")))
                .findFirst().orElseThrow();
        assertThat(entryInApp).containsEntry("action", "Remove");
        assertThat(Runs.image(run, shared)).containsEntry("action", "Keep").containsEntry("reasons", List.of("ReferencedByStream"));
    }

    @Test
    void aDryRunSendsNoCommandsAndRunsAreListed() {
        // given
        feed.tagHistory(ns, "app", "v1", digests(5), now.minus(Duration.ofDays(2)), 1);
        awaitEntries(5);
        int sentBefore = connector.sink(PruneCommandSender.CHANNEL).received().size();

        // when
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":false}""".formatted(ns));
        JsonPath run = Runs.awaitState(id, "Succeeded");

        // then
        assertThat(run.getInt("counts.planned.historyEntries")).isEqualTo(4);
        assertThat(run.getMap("counts")).doesNotContainKey("applied");
        assertThat(connector.sink(PruneCommandSender.CHANNEL).received()).hasSize(sentBefore);
        given().when().get("/api/v1/runs").then().statusCode(200).body("items.find { it.id == '" + id + "' }.state", equalTo("Succeeded"));
        given().contentType("application/json").body("{}").when().post("/api/v1/runs/" + id + "/undo").then().statusCode(409);
    }

    @Test
    void badRunRequestsAreRefusedNamingTheField() {
        given().contentType("application/json").body("{\"keepYoungerThan\":\"soon\"}").when().post("/api/v1/runs").then().statusCode(400)
                .body("field", equalTo("keepYoungerThan"));
        given().contentType("application/json").body("{\"confirmed\":true}").when().post("/api/v1/runs").then().statusCode(400)
                .body("field", equalTo("confirmed"));
        given().when().get("/api/v1/runs/" + UUID.randomUUID()).then().statusCode(404).body("error", org.hamcrest.Matchers.startsWith("no run"));
    }

    @Test
    void thePlanIsReadPageByPageAndTheRunStaysSmall() {
        // given ten old entries: seven to remove
        List<String> digests = digests(10);
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(2)), 1);
        awaitEntries(10);
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":3,"keepYoungerThan":"0s"}""".formatted(ns));
        JsonPath run = Runs.awaitState(id, "Succeeded");

        // when the removals are read three at a time
        JsonPath first = given().queryParam("action", "Remove").queryParam("limit", 3).when().get("/api/v1/runs/" + id + "/items")
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = given().queryParam("action", "Remove").queryParam("limit", 3).queryParam("after", first.getInt("next"))
                .when().get("/api/v1/runs/" + id + "/items").then().statusCode(200).extract().jsonPath();
        JsonPath last = given().queryParam("action", "Remove").queryParam("limit", 3).queryParam("after", second.getInt("next"))
                .when().get("/api/v1/runs/" + id + "/items").then().statusCode(200).extract().jsonPath();

        // then the pages follow the tag's history from position 3 on, and the last one says nothing follows
        assertThat(first.getList("items.position")).containsExactly(3, 4, 5);
        assertThat(second.getList("items.position")).containsExactly(6, 7, 8);
        assertThat(last.getList("items.position")).containsExactly(9);
        assertThat(last.getString("next")).isNull();
        assertThat(first.getList("items.reasons")).containsOnly(List.of("Pruned"));
        // and the run itself carries counts and where its plan is, not the items
        assertThat(run.getMap("plan")).containsEntry("items", "/api/v1/runs/" + id + "/items");
        assertThat(run.getInt("counts.planned.historyEntries")).isEqualTo(7);

        // and bad paging parameters are refused, naming the parameter
        given().queryParam("limit", 1001).when().get("/api/v1/runs/" + id + "/items").then().statusCode(400).body("field", equalTo("limit"));
        given().queryParam("action", "Delete").when().get("/api/v1/runs/" + id + "/items").then().statusCode(400)
                .body("field", equalTo("action"));
        given().when().get("/api/v1/runs/" + UUID.randomUUID() + "/items").then().statusCode(404);
    }

    private List<String> digests(int count) {
        return LongStream.range(0, count).mapToObj(i -> digest(base + 100 + i)).toList();
    }

    private void awaitEntries(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.preparedQuery("select count(*) from history_entry where namespace = $1")
                .execute(Tuple.of(ns)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == count);
    }
}
