package io.imagestreams.prune.service;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.ImageDeleted;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.api.event.RestoreRevisions;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.prune.messaging.PruneCommandSender;
import io.imagestreams.prune.testing.Runs;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.prune.testing.TestClock;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
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
import java.util.stream.LongStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirmed runs: commands with their precondition, the outcome recorded from stream-service's events (here fed
 * as stream-service emits them), undo within the window, and image deletion once the window has closed.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ConfirmUndoTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ImageApiJson.newObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    TestClock clock;

    @Inject
    Housekeeping housekeeping;

    private StreamEventsFeed feed;
    private InMemorySink<String> commands;
    private String ns;
    private long base;
    private Instant now;

    @BeforeEach
    void setUp() {
        feed = new StreamEventsFeed(connector);
        commands = connector.sink(PruneCommandSender.CHANNEL);
        ns = "confirm-" + UUID.randomUUID().toString().substring(0, 8);
        base = (long) (Math.random() * 1_000_000) * 1000;
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aConfirmedRunPrunesWithAPreconditionAndCanBeUndoneInOrder() {
        // given ten images mapped to one tag
        List<String> digests = digests(10);
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(2)), 1);
        awaitCurrent(digests.get(9));

        // when
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":3,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));

        // then one command carries the seven planned entries as its precondition, keyed by stream
        Message<String> sent = awaitCommand(EventTypes.PRUNE_REVISIONS, id);
        PruneRevisions prune = read(sent, PruneRevisions.class);
        assertThat(prune.tag()).isEqualTo("v1");
        assertThat(prune.entries()).extracting(HistoryEntry::position).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(prune.entries()).extracting(HistoryEntry::image).containsExactlyElementsOf(reversed(digests.subList(0, 7)));
        assertThat(sent.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey()).isEqualTo(ns + "/app");
        assertThat(Runs.get(id).getString("state")).isEqualTo("Applying");

        // when stream-service reports the removal, delivered twice
        String eventId = UUID.randomUUID().toString();
        feed.send(eventId, new io.imagestreams.api.event.HistoryPruned(id, ns, "app", prune.entries()));
        feed.send(eventId, new io.imagestreams.api.event.HistoryPruned(id, ns, "app", prune.entries()));

        // then
        JsonPath run = Runs.awaitState(id, "Succeeded");
        assertThat(run.getInt("counts.applied.historyEntries")).isEqualTo(7);
        assertThat(Instant.parse(run.getString("undoableUntil"))).isAfter(now.plus(Duration.ofHours(23)));

        // when undone
        given().contentType("application/json").when().post("/api/v1/runs/" + id + "/undo").then().statusCode(202);

        // then the entries go back, oldest last, and the run says so once stream-service confirms
        RestoreRevisions restore = read(awaitCommand(EventTypes.PRUNE_RESTORE, id), RestoreRevisions.class);
        assertThat(restore.entries()).extracting(HistoryEntry::image).containsExactlyElementsOf(reversed(digests.subList(0, 7)));
        assertThat(restore.entries()).extracting(HistoryEntry::position).containsExactly(3, 4, 5, 6, 7, 8, 9);
        feed.historyRestored(id, ns, "app", restore.entries());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Runs.get(id).getInt("counts.applied.historyEntriesRestored"))
                .isEqualTo(7));
        assertThat(Runs.get(id).getString("state")).isEqualTo("Undone");
        given().when().post("/api/v1/runs/" + id + "/undo").then().statusCode(409);
    }

    @Test
    void theUndoWindowCloses() {
        // given a confirmed run that removed one entry
        List<String> digests = digests(2);
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(2)), 1);
        awaitCurrent(digests.get(1));
        String id = Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));
        answerPrunes(id);
        Runs.awaitState(id, "Succeeded");

        // when a day passes
        clock.advance(Duration.ofHours(25));

        // then
        given().when().post("/api/v1/runs/" + id + "/undo").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("undo window"));
    }

    @Test
    void imagesAreDeletedOnlyAfterTheUndoWindowAndTheirBytesCounted() {
        // given an image only in old history
        List<String> digests = digests(3);
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(30)), 1);
        awaitCurrent(digests.get(2));

        // when a confirmed run over all namespaces removes its entry
        String id = Runs.start("""
                {"keepTagRevisions":2,"keepYoungerThan":"240h","confirm":true}""");
        answerPrunes(id);
        JsonPath run = Runs.awaitState(id, "Succeeded");

        // then the image waits for the undo window
        assertThat(run.getString("progress.imageDeletion")).isEqualTo("Waiting");
        housekeeping.runOnce().await().atMost(Duration.ofSeconds(10));
        assertThat(commandsOf(EventTypes.PRUNE_DELETE_IMAGES, id)).isEmpty();

        // when the window has closed
        clock.advance(Duration.ofHours(25));
        housekeeping.runOnce().await().atMost(Duration.ofSeconds(10));

        // then (the run may delete other tests' unreferenced images too, in more than one command)
        awaitCommand(EventTypes.PRUNE_DELETE_IMAGES, id);
        List<String> deleted = deletedDigests(id);
        assertThat(deleted).contains(digests.get(0)).doesNotContain(digests.get(1), digests.get(2));
        feed.send(new ImageDeleted(digests.get(0), id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath done = Runs.get(id);
            assertThat(done.getInt("counts.applied.images")).isGreaterThanOrEqualTo(1);
            assertThat(done.getLong("counts.applied.bytesReclaimed")).isGreaterThanOrEqualTo(1000L);
            assertThat(done.getString("progress.imageDeletion")).isEqualTo("Sent");
        });
    }

    @Test
    void imageDeletionsAreSentAThousandDigestsPerCommand() {
        // given 1,201 images in one tag's old history
        List<String> digests = digests(1201);
        feed.tagHistory(ns, "app", "v1", digests, now.minus(Duration.ofDays(30)), 1);
        awaitCurrent(digests.get(1200), Duration.ofSeconds(90)); // 1,201 events to project on a busy machine

        // when a confirmed run over all namespaces removes all but the newest and the undo window closes
        String id = Runs.start("""
                {"keepTagRevisions":1,"keepYoungerThan":"240h","confirm":true}""");
        answerPrunes(id);
        Runs.awaitState(id, "Succeeded");
        clock.advance(Duration.ofHours(25));
        housekeeping.runOnce().await().atMost(Duration.ofSeconds(30));

        // then the deletions come in commands of at most 1,000 digests that together name every removed image once
        await().atMost(Duration.ofSeconds(15)).until(() -> commandsOf(EventTypes.PRUNE_DELETE_IMAGES, id).size() >= 2);
        List<Integer> sizes = commandsOf(EventTypes.PRUNE_DELETE_IMAGES, id).stream()
                .map(m -> read(m, io.imagestreams.api.event.DeleteImages.class).digests().size()).toList();
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 1000));
        List<String> deleted = deletedDigests(id);
        assertThat(deleted).doesNotHaveDuplicates();
        assertThat(digests.subList(0, 1200)).allSatisfy(digest -> assertThat(deleted.contains(digest)).as(digest).isTrue());
        assertThat(deleted).doesNotContain(digests.get(1200));
    }

    /** Answers every PruneRevisions of the run as stream-service would when nothing moved meanwhile. */
    private void answerPrunes(String runId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !"Planning".equals(Runs.get(runId).getString("state")));
        for (Message<String> message : commandsOf(EventTypes.PRUNE_REVISIONS, runId)) {
            PruneRevisions prune = read(message, PruneRevisions.class);
            feed.historyPruned(runId, prune.namespace(), prune.stream(), prune.entries());
        }
    }

    /** Every digest the run's DeleteImages commands name. */
    private List<String> deletedDigests(String runId) {
        return commandsOf(EventTypes.PRUNE_DELETE_IMAGES, runId).stream()
                .flatMap(m -> read(m, io.imagestreams.api.event.DeleteImages.class).digests().stream()).toList();
    }

    private Message<String> awaitCommand(String type, String runId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> commandsOf(type, runId).stream().findFirst().orElse(null), m -> m != null);
    }

    private List<Message<String>> commandsOf(String type, String runId) {
        List<Message<String>> found = new ArrayList<>();
        for (Message<String> message : new ArrayList<>(commands.received())) {
            String messageType = message.getMetadata(OutgoingCloudEventMetadata.class).map(OutgoingCloudEventMetadata::getType).orElse("");
            if (type.equals(messageType) && runId.equals(JsonPath.from(message.getPayload()).getString("runId"))) {
                found.add(message);
            }
        }
        return found;
    }

    private void awaitCurrent(String digest) {
        awaitCurrent(digest, Duration.ofSeconds(10));
    }

    private void awaitCurrent(String digest, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> Runs.items(Runs.awaitState(Runs.start("""
                {"namespace":"%s"}""".formatted(ns)), "Succeeded").getString("id")).stream().anyMatch(i -> digest.equals(i.get("image"))));
    }

    private static <T> T read(Message<String> message, Class<T> type) {
        try {
            return JSON.readValue(message.getPayload(), type);
        } catch (Exception e) {
            throw new AssertionError("unreadable command " + message.getPayload(), e);
        }
    }

    private List<String> digests(int count) {
        return LongStream.range(0, count).mapToObj(i -> digest(base + i)).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
