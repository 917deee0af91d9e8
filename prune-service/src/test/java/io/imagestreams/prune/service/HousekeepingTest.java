package io.imagestreams.prune.service;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.prune.testing.Runs;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.prune.testing.TestClock;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work that falls due with time, driven by moving the service's clock: scheduled policy runs and run retention. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class HousekeepingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    TestClock clock;

    @Inject
    Housekeeping housekeeping;

    @Inject
    RunService runService;

    @Inject
    Pool pool;

    private StreamEventsFeed feed;
    private String ns;

    @BeforeEach
    void setUp() {
        feed = new StreamEventsFeed(connector);
        ns = "housekeeping-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPolicyScheduleStartsOneConfirmedRunPerCronTime() {
        // given a namespace with old history and a policy that prunes it daily at 03:00 (UTC)
        long base = (long) (Math.random() * 1_000_000) * 1000;
        List<String> digests = LongStream.range(0, 4).mapToObj(i -> digest(base + i)).toList();
        feed.tagHistory(ns, "app", "v1", digests, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)), 1);
        awaitProjected(digests.get(3));
        putPolicy("""
                {"keepTagRevisions": 2, "keepYoungerThan": "1h", "schedule": "0 3 * * *"}""");

        try {
            // when housekeeping runs before the schedule's next time
            housekeeping.runOnce().await().atMost(WAIT);

            // then nothing starts: a schedule set after its last due time waits for the next one
            assertThat(scheduledRuns()).isEmpty();

            // when a day has passed (a 03:00 came round) and housekeeping runs twice
            clock.advance(Duration.ofDays(1));
            housekeeping.runOnce().await().atMost(WAIT);
            housekeeping.runOnce().await().atMost(WAIT);

            // then exactly one run started, confirmed, with the policy's settings, and it plans the removals
            List<Map<String, Object>> runs = scheduledRuns();
            assertThat(runs).hasSize(1);
            JsonPath run = await().atMost(WAIT).until(() -> Runs.get((String) runs.get(0).get("id")),
                    r -> !"Planning".equals(r.getString("state")));
            assertThat(run.getBoolean("confirm")).isTrue();
            assertThat(run.getString("triggeredBy")).isEqualTo("schedule");
            assertThat(run.getInt("keepTagRevisions")).isEqualTo(2);
            assertThat(run.getString("keepYoungerThan")).isEqualTo("1h0m0s");
            assertThat(run.getInt("counts.planned.historyEntries")).isEqualTo(2);

            // when the next day's time comes
            clock.advance(Duration.ofDays(1));
            housekeeping.runOnce().await().atMost(WAIT);

            // then a second run starts
            assertThat(scheduledRuns()).hasSize(2);
        } finally {
            putPolicy("""
                    {"keepTagRevisions": 2, "keepYoungerThan": "1h"}""");
        }
    }

    @Test
    void aRoundIsSkippedWhileAnotherReplicaHoldsTheHousekeepingLock() {
        // given a due schedule, and another replica in the middle of a round (it holds the lock)
        putPolicy("""
                {"keepTagRevisions": 5, "keepYoungerThan": "1h", "schedule": "*/5 * * * *"}""");
        io.vertx.mutiny.sqlclient.SqlConnection otherReplica = pool.getConnection().await().atMost(WAIT);
        try {
            otherReplica.preparedQuery("select pg_advisory_lock($1)").execute(Tuple.of(Housekeeping.LOCK)).await().atMost(WAIT);
            clock.advance(Duration.ofMinutes(10));

            // when
            housekeeping.runOnce().await().atMost(WAIT);

            // then this replica left the round to the other
            assertThat(scheduledRuns()).isEmpty();

            // when the other replica's round is over
            otherReplica.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(Housekeeping.LOCK)).await().atMost(WAIT);
            housekeeping.runOnce().await().atMost(WAIT);

            // then
            assertThat(scheduledRuns()).hasSize(1);
        } finally {
            otherReplica.close().await().atMost(WAIT);
            putPolicy("""
                    {"keepTagRevisions": 3, "keepYoungerThan": "1h"}""");
        }
    }

    @Test
    void finishedRunsAreDeletedAfterTheRetentionWithTheirPlansButNotTheLatestScheduledRun() {
        // given a dry run with a plan, a scheduled run a day later, and a dry run two days after the first
        long base = (long) (Math.random() * 1_000_000) * 1000;
        List<String> digests = LongStream.range(0, 3).mapToObj(i -> digest(base + i)).toList();
        feed.tagHistory(ns, "app", "v1", digests, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)), 1);
        awaitProjected(digests.get(2));
        String old = dryRun();
        assertThat(itemRows(old)).isEqualTo(3);
        clock.advance(Duration.ofDays(1));
        putPolicy("""
                {"keepTagRevisions": 5, "keepYoungerThan": "0s", "schedule": "*/5 * * * *"}""");
        String scheduled;
        try {
            clock.advance(Duration.ofMinutes(10));
            housekeeping.runOnce().await().atMost(WAIT);
            scheduled = (String) await().atMost(WAIT).until(this::scheduledRuns, runs -> runs.size() == 1).get(0).get("id");
            await().atMost(WAIT).until(() -> Runs.get(scheduled), r -> !"Planning".equals(r.getString("state")));
        } finally {
            putPolicy("""
                    {"keepTagRevisions": 3, "keepYoungerThan": "1h"}""");
        }
        clock.advance(Duration.ofDays(1));
        String recent = dryRun();

        // when 29 days later the retention (30 days) has passed for the first run only
        clock.advance(Duration.ofDays(29));
        deleteExpired();

        // then it is gone with every row of its plan; the later runs stay
        given().when().get("/api/v1/runs/" + old).then().statusCode(404);
        assertThat(itemRows(old)).isZero();
        assertThat(Runs.get(scheduled).getString("triggeredBy")).isEqualTo("schedule");
        assertThat(Runs.get(recent).getString("state")).isEqualTo("Succeeded");

        // when the later runs are past the retention too
        clock.advance(Duration.ofDays(2));
        deleteExpired();

        // then the dry run is gone; the scheduled run stays: it is the latest of its schedule
        given().when().get("/api/v1/runs/" + recent).then().statusCode(404);
        assertThat(Runs.get(scheduled).getString("id")).isEqualTo(scheduled);
    }

    private void deleteExpired() {
        // other tests' runs expire too: delete until nothing is left to delete
        await().atMost(WAIT).until(() -> runService.deleteExpiredRuns().await().atMost(WAIT) == 0);
    }

    private String dryRun() {
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s"}""".formatted(ns));
        Runs.awaitState(id, "Succeeded");
        return id;
    }

    private long itemRows(String runId) {
        return pool.preparedQuery("select count(*) from run_item where run_id = $1").execute(Tuple.of(UUID.fromString(runId)))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private void putPolicy(String body) {
        given().contentType("application/json").body(body).when().put("/api/v1/policies/" + ns).then().statusCode(200);
    }

    private List<Map<String, Object>> scheduledRuns() {
        List<Map<String, Object>> items = given().queryParam("limit", 500).when().get("/api/v1/runs").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(run -> ns.equals(run.get("namespace")) && "schedule".equals(run.get("triggeredBy"))).toList();
    }

    private void awaitProjected(String digest) {
        await().atMost(WAIT).until(() -> Runs.items(Runs.awaitState(Runs.start("""
                {"namespace":"%s"}""".formatted(ns)), "Succeeded").getString("id")).stream().anyMatch(i -> digest.equals(i.get("image"))));
    }
}
