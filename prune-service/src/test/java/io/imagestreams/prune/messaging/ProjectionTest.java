package io.imagestreams.prune.messaging;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static io.imagestreams.prune.testing.StreamEventsFeed.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.ImageDeleted;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.TagDeleted;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projection follows stream-service's change log: history positions, images, and idempotence. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ProjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    private StreamEventsFeed feed;
    private String ns;
    private long base;

    @BeforeEach
    void setUp() {
        feed = new StreamEventsFeed(connector);
        ns = "proj-" + UUID.randomUUID().toString().substring(0, 8);
        base = (long) (Math.random() * 1_000_000) * 1000;
    }

    @Test
    void newImagesArePrependedAndARewrittenTopEntryIsReplacedInPlace() {
        // given d0 then d1 on app:v1
        feed.tagHistory(ns, "app", "v1", List.of(digest(base), digest(base + 1)), NOW, 1);

        // when the same pull spec now resolves to another image (OpenShift rewrites the top entry in place)
        ImageRef previous = ref(digest(base + 1), NOW, 2000L, null);
        ImageRef rewritten = new ImageRef(digest(base + 2), previous.dockerImageReference(), previous.pullSpec(), 3000L, null, NOW);
        feed.send(new TagUpdated(ns, "app", "v1", 3, rewritten, previous));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1")).containsExactly(digest(base + 2), digest(base)));
    }

    @Test
    void aFullHistoryReplacesTheTagsEntries() {
        // given
        feed.tagHistory(ns, "app", "v1", List.of(digest(base), digest(base + 1), digest(base + 2)), NOW, 1);

        // when a status update rewrote the history
        List<HistoryEntry> entries = List.of(new HistoryEntry("v1", 0, digest(base + 2), "quay.io/acme/app@" + digest(base + 2), NOW, 3),
                new HistoryEntry("v1", 1, digest(base), "quay.io/acme/app@" + digest(base), NOW.minusSeconds(7200), 1));
        ImageRef head = ref(digest(base + 2), NOW, null, null);
        feed.send(new TagUpdated(ns, "app", "v1", 3, head, head, entries));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1")).containsExactly(digest(base + 2), digest(base)));
    }

    @Test
    void prunedAndRestoredEntriesLeaveAndComeBackAtTheirPositions() {
        // given d3 d2 d1 d0
        List<String> digests = List.of(digest(base), digest(base + 1), digest(base + 2), digest(base + 3));
        feed.tagHistory(ns, "app", "v1", digests, NOW, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> history("v1").size() == 4);
        List<HistoryEntry> removed = List.of(entry(2, digests.get(1)), entry(3, digests.get(0)));

        // when
        feed.historyPruned("run-x", ns, "app", removed);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1")).containsExactly(digests.get(3), digests.get(2)));

        // when they come back below a newer entry
        feed.send(new TagUpdated(ns, "app", "v1", 9, ref(digest(base + 9), NOW, null, null), ref(digests.get(3), NOW, null, null)));
        feed.historyRestored("run-x", ns, "app", List.of(entry(3, digests.get(1)), entry(4, digests.get(0))));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1"))
                .containsExactly(digest(base + 9), digests.get(3), digests.get(2), digests.get(1), digests.get(0)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        // given
        feed.tagHistory(ns, "app", "v1", List.of(digest(base)), NOW, 1);
        ImageRef next = ref(digest(base + 1), NOW, null, null);
        TagUpdated moved = new TagUpdated(ns, "app", "v1", 2, next, ref(digest(base), NOW, null, null));

        // when the same event arrives twice
        String id = UUID.randomUUID().toString();
        feed.send(id, moved);
        feed.send(id, moved);
        feed.tagHistory(ns, "app", "marker", List.of(digest(base + 5)), NOW, 1);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> history("marker").size() == 1);
        assertThat(history("v1")).containsExactly(digest(base + 1), digest(base));
    }

    @Test
    void deletedTagsStreamsAndImagesLeaveTheProjection() {
        // given
        feed.tagHistory(ns, "app", "v1", List.of(digest(base)), NOW, 1);
        feed.tagHistory(ns, "app", "v2", List.of(digest(base + 1)), NOW, 1);
        feed.tagHistory(ns, "other", "v1", List.of(digest(base + 2)), NOW, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> imageCount(digest(base + 2)) == 1);

        // when
        feed.send(new TagDeleted(ns, "app", "v2", 3));
        feed.send(new StreamDeleted(ns, "other", "uid", 2, List.of()));
        feed.send(new ImageDeleted(digest(base + 2), null));

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(history("v1")).containsExactly(digest(base));
            assertThat(history("v2")).isEmpty();
            assertThat(rows("select image from history_entry where namespace = $1 and stream = 'other'", ns)).isEmpty();
            assertThat(imageCount(digest(base + 2))).isZero();
        });
    }

    @Test
    void aPoisonMessageDoesNotStopTheConsumer() {
        // when
        feed.sendRaw(UUID.randomUUID().toString(), EventTypes.TAG_UPDATED, "{not json");
        feed.tagHistory(ns, "app", "v1", List.of(digest(base)), NOW, 1);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history("v1")).containsExactly(digest(base)));
    }

    private static HistoryEntry entry(int position, String digest) {
        return new HistoryEntry("v1", position, digest, "quay.io/acme/app@" + digest, NOW, 1);
    }

    private List<String> history(String tag) {
        return rows("select image from history_entry where namespace = $1 and stream = 'app' and tag = '" + tag + "' order by seq desc", ns);
    }

    private long imageCount(String digest) {
        return rows("select digest from image where digest = $1", digest).size();
    }

    private List<String> rows(String sql, String param) {
        List<String> values = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(param)).await().atMost(Duration.ofSeconds(5)).forEach(row -> values.add(row.getString(0)));
        return values;
    }
}
