package io.imagestreams.prune.service;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.HistoryPruned;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.api.event.RestoreRevisions;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.prune.messaging.CommandRelay;
import io.imagestreams.prune.messaging.PruneCommandSender;
import io.imagestreams.prune.repository.CommandOutboxRepository.PendingCommand;
import io.imagestreams.prune.testing.Runs;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.prune.testing.TestClock;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands reach stream-service even when sending fails for a while (they wait in the outbox and the relay
 * retries them, in order, once each), and a run whose outcomes do not come within the apply timeout fails,
 * naming the commands without outcome and cancelling what was not sent.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class CommandDeliveryTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ImageApiJson.newObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    TestClock clock;

    @Inject
    Housekeeping housekeeping;

    @Inject
    CommandRelay relay;

    @Inject
    PruneCommandSender sender;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    io.imagestreams.prune.repository.RunRepository runRepository;

    private StreamEventsFeed feed;
    private InMemorySink<String> commands;
    private String ns;
    private long base;

    @BeforeEach
    void setUp() {
        feed = new StreamEventsFeed(connector);
        commands = connector.sink(PruneCommandSender.CHANNEL);
        ns = "delivery-" + UUID.randomUUID().toString().substring(0, 8);
        base = (long) (Math.random() * 1_000_000) * 1000;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRunLeftPlanningByAStoppedReplicaFailsAfterThePlanTimeout() {
        // given: a run that a replica began planning and never finished (it stopped), and one just started
        UUID stale = planningRun();
        clock.advance(Duration.ofMinutes(29));
        UUID fresh = planningRun();

        // when: the plan timeout (30m) has passed for the first only
        clock.advance(Duration.ofMinutes(2));
        housekeeping.runOnce().await().atMost(WAIT);

        // then
        JsonPath failed = Runs.get(stale.toString());
        assertThat(failed.getString("state")).isEqualTo("Failed");
        assertThat(failed.getString("error")).contains("planning did not finish within 30m").contains("start a new run");
        assertThat(Runs.get(fresh.toString()).getString("state")).isEqualTo("Planning");
    }

    private UUID planningRun() {
        UUID id = UUID.randomUUID();
        pool.withTransaction(c -> runRepository.insert(c, new io.imagestreams.prune.repository.RunRepository.StoredRun(id, ns, 3,
                3600, false, true, RunService.PLANNING, "NotConfigured", clock.instant(), null, null, null, "None", null, null,
                new io.vertx.core.json.JsonObject(), "test", null))).await().atMost(WAIT);
        return id;
    }

    @Test
    void aCommandWhoseSendFailsIsRetriedUntilKafkaTakesItOnce() {
        // given a broker that refuses the next two sends
        FailingSender failing = failingSender(2);
        tagHistory("app", 3);

        // when a confirmed run decides one command
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));

        // then it waits in the outbox, with the failure on the run, not lost
        JsonPath waiting = await().atMost(WAIT).until(() -> Runs.get(id), run -> run.getInt("progress.commandsUnsent") == 1
                && run.getString("progress.lastSendError") != null);
        assertThat(waiting.getString("state")).isEqualTo("Applying");
        assertThat(waiting.getString("progress.lastSendError")).isEqualTo("broker away");
        assertThat(commandsOf(id)).isEmpty();

        // when the relay's next rounds come (the poll, here driven by the test)
        relay.relayOnce().await().atMost(WAIT);
        relay.relayOnce().await().atMost(WAIT);

        // then the third attempt went through, exactly once
        assertThat(failing.attempts.get()).isEqualTo(3);
        List<Message<String>> sent = commandsOf(id);
        assertThat(sent).hasSize(1);
        assertThat(Runs.get(id).getInt("progress.commandsUnsent")).isZero();
        relay.relayOnce().await().atMost(WAIT);
        assertThat(commandsOf(id)).hasSize(1);

        // and the run completes from stream-service's answer
        PruneRevisions prune = read(sent.get(0));
        feed.send(new HistoryPruned(id, ns, "app", prune.entries()));
        assertThat(Runs.awaitState(id, "Succeeded").getInt("counts.applied.historyEntries")).isEqualTo(2);
    }

    @Test
    void aRunWithoutOutcomesFailsAfterTheApplyTimeoutNamingTheCommands() {
        // given a confirmed run over two tags whose commands were sent, and no answer from stream-service
        tagHistory("app", 3);
        tagHistory("web", 2);
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));
        await().atMost(WAIT).until(() -> commandsOf(id).size() == 2);
        PruneRevisions appCommand = commandsOf(id).stream().map(CommandDeliveryTest::read).filter(c -> "app".equals(c.stream()))
                .findFirst().orElseThrow();
        feed.send(new HistoryPruned(id, ns, "app", appCommand.entries()));
        await().atMost(WAIT).until(() -> Runs.get(id).getInt("progress.commandsApplied") == 1);

        // when less than the timeout (30m) passed
        clock.advance(Duration.ofMinutes(29));
        housekeeping.runOnce().await().atMost(WAIT);

        // then it still waits
        assertThat(Runs.get(id).getString("state")).isEqualTo("Applying");

        // when the timeout passed
        clock.advance(Duration.ofMinutes(2));
        housekeeping.runOnce().await().atMost(WAIT);

        // then it failed, naming the command without outcome
        JsonPath failed = Runs.get(id);
        assertThat(failed.getString("state")).isEqualTo("Failed");
        assertThat(failed.getString("error")).isEqualTo("no outcome from stream-service within 30m0s for 1 command: " + ns
                + "/web:v1 (sent); commands not sent yet are cancelled");
        assertThat(failed.getInt("counts.applied.historyEntries")).isEqualTo(2);
    }

    @Test
    void aRunFailedByTheApplyTimeoutCanBeUndoneOnceNoSentCommandAwaitsItsOutcome() {
        // given a confirmed run over two streams that failed waiting for the outcome of one of them
        tagHistory("app", 3);
        tagHistory("web", 2);
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));
        await().atMost(WAIT).until(() -> commandsOf(id).size() == 2);
        PruneRevisions app = commandsOf(id).stream().map(CommandDeliveryTest::read).filter(c -> "app".equals(c.stream())).findFirst()
                .orElseThrow();
        PruneRevisions web = commandsOf(id).stream().map(CommandDeliveryTest::read).filter(c -> "web".equals(c.stream())).findFirst()
                .orElseThrow();
        feed.send(new HistoryPruned(id, ns, "app", app.entries()));
        await().atMost(WAIT).until(() -> Runs.get(id).getInt("progress.commandsApplied") == 1);
        clock.advance(Duration.ofMinutes(31));
        housekeeping.runOnce().await().atMost(WAIT);
        JsonPath failed = Runs.get(id);
        assertThat(failed.getString("state")).isEqualTo("Failed");
        assertThat(failed.getString("undoableUntil")).isNotNull();

        // when undone while the sent web command has no outcome (stream-service may still apply it)
        // then it is refused, saying why
        given().when().post("/api/v1/runs/" + id + "/undo").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("1 command sent to stream-service without an outcome yet"));

        // when the late outcome arrives and the run is undone
        feed.send(new HistoryPruned(id, ns, "web", web.entries()));
        await().atMost(WAIT).until(() -> Runs.get(id).getInt("progress.commandsApplied") == 2);
        given().when().post("/api/v1/runs/" + id + "/undo").then().statusCode(202).body("state", org.hamcrest.Matchers.equalTo("Undone"));

        // then both streams get their entries back
        List<RestoreRevisions> restores = await().atMost(WAIT).until(() -> restoresOf(id), list -> list.size() == 2);
        assertThat(restores).extracting(RestoreRevisions::stream).containsExactlyInAnyOrder("app", "web");
        assertThat(restores).filteredOn(r -> "app".equals(r.stream())).singleElement()
                .satisfies(r -> assertThat(r.entries()).isEqualTo(app.entries()));
        assertThat(Runs.get(id).getString("state")).isEqualTo("Undone");
    }

    @Test
    void aRunWhoseCommandsCannotBeSentFailsAfterTheApplyTimeoutAndSendsNothingLater() {
        // given a broker that refuses every send
        FailingSender failing = failingSender(Integer.MAX_VALUE);
        tagHistory("app", 2);
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));
        await().atMost(WAIT).until(() -> failing.attempts.get() >= 1);
        relay.relayOnce().await().atMost(WAIT);

        // when the timeout passed
        clock.advance(Duration.ofMinutes(31));
        housekeeping.runOnce().await().atMost(WAIT);

        // then it failed, saying the command was never sent and why
        JsonPath failed = Runs.get(id);
        assertThat(failed.getString("state")).isEqualTo("Failed");
        assertThat(failed.getString("error")).startsWith("no outcome from stream-service within 30m0s for 1 command: " + ns
                + "/app:v1 (not sent: ").contains("attempts, last error: broker away)");
        assertThat(failed.getInt("progress.commandsUnsent")).isZero();

        // and once the broker is back, the cancelled command is not sent
        failing.remaining.set(0);
        relay.relayOnce().await().atMost(WAIT);
        assertThat(commandsOf(id)).isEmpty();
    }

    /** Replaces the sender for this test: the next {@code failures} sends fail, later ones go to the real sender. */
    private FailingSender failingSender(int failures) {
        FailingSender failing = new FailingSender(ClientProxy.unwrap(sender), failures);
        QuarkusMock.installMockForType(failing, PruneCommandSender.class);
        return failing;
    }

    static final class FailingSender extends PruneCommandSender {

        final PruneCommandSender real;
        final AtomicInteger remaining;
        final AtomicInteger attempts = new AtomicInteger();

        FailingSender(PruneCommandSender real, int failures) {
            super(null);
            this.real = real;
            this.remaining = new AtomicInteger(failures);
        }

        @Override
        public Uni<Void> send(PendingCommand command) {
            attempts.incrementAndGet();
            if (remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return Uni.createFrom().failure(new IllegalStateException("broker away"));
            }
            return real.send(command);
        }
    }

    /** {@code count} images tagged into {@code stream:v1}, the newest two days old. */
    private void tagHistory(String stream, int count) {
        List<String> digests = LongStream.range(0, count).mapToObj(i -> digest(base + i + stream.hashCode() * 100L)).toList();
        feed.tagHistory(ns, stream, "v1", digests, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)), 1);
        await().atMost(WAIT).until(() -> Runs.items(Runs.awaitState(Runs.start("""
                {"namespace":"%s"}""".formatted(ns)), "Succeeded").getString("id")).stream()
                .anyMatch(item -> digests.get(count - 1).equals(item.get("image"))));
    }

    private List<Message<String>> commandsOf(String runId) {
        List<Message<String>> found = new ArrayList<>();
        for (Message<String> message : new ArrayList<>(commands.received())) {
            String type = message.getMetadata(OutgoingCloudEventMetadata.class).map(OutgoingCloudEventMetadata::getType).orElse("");
            if (EventTypes.PRUNE_REVISIONS.equals(type) && runId.equals(JsonPath.from(message.getPayload()).getString("runId"))) {
                found.add(message);
            }
        }
        return found;
    }

    private List<RestoreRevisions> restoresOf(String runId) {
        List<RestoreRevisions> found = new ArrayList<>();
        for (Message<String> message : new ArrayList<>(commands.received())) {
            String type = message.getMetadata(OutgoingCloudEventMetadata.class).map(OutgoingCloudEventMetadata::getType).orElse("");
            if (EventTypes.PRUNE_RESTORE.equals(type) && runId.equals(JsonPath.from(message.getPayload()).getString("runId"))) {
                try {
                    found.add(JSON.readValue(message.getPayload(), RestoreRevisions.class));
                } catch (Exception e) {
                    throw new AssertionError("unreadable command " + message.getPayload(), e);
                }
            }
        }
        return found;
    }

    private static PruneRevisions read(Message<String> message) {
        try {
            return JSON.readValue(message.getPayload(), PruneRevisions.class);
        } catch (Exception e) {
            throw new AssertionError("unreadable command " + message.getPayload(), e);
        }
    }
}
