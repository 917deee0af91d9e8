package io.imagestreams.trigger.messaging;

import static io.imagestreams.trigger.testing.Events.DIGEST_A;
import static io.imagestreams.trigger.testing.Events.DIGEST_B;
import static io.imagestreams.trigger.testing.Events.pullSpec;
import static io.imagestreams.trigger.testing.Events.send;
import static io.imagestreams.trigger.testing.Events.tagUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.trigger.repository.TagImage;
import io.imagestreams.trigger.repository.TagImageRepository;
import io.imagestreams.trigger.testing.Events.Settled;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The projection of each tag's current image from {@code image-stream-events}. */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ImageStreamEventsConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    TagImageRepository tagImages;

    private static String namespace() {
        return "events-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTagUpdateIsProjectedWithItsResolvedPullSpec() {
        // given
        String ns = namespace();

        // when
        AtomicReference<Settled> settled = send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 3, DIGEST_A, null));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> settled.get() == Settled.ACKED);
        TagImage stored = tagImages.find(ns, "app", "latest").orElseThrow();
        assertThat(stored.generation()).isEqualTo(3);
        assertThat(stored.pullSpec()).isEqualTo(pullSpec("app", DIGEST_A));
        assertThat(stored.image().digest()).isEqualTo(DIGEST_A);
    }

    @Test
    void olderGenerationsAndDuplicatesChangeNothing() {
        // given
        String ns = namespace();
        AtomicReference<Settled> current = send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 5, DIGEST_B, DIGEST_A));
        await().atMost(Duration.ofSeconds(10)).until(() -> current.get() == Settled.ACKED);

        // when an older event and a duplicate arrive
        AtomicReference<Settled> older = send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 4, DIGEST_A, null));
        AtomicReference<Settled> duplicate = send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 5, DIGEST_A, null));

        // then both are acknowledged and the projection keeps generation 5
        await().atMost(Duration.ofSeconds(10)).until(() -> older.get() == Settled.ACKED && duplicate.get() == Settled.ACKED);
        TagImage stored = tagImages.find(ns, "app", "latest").orElseThrow();
        assertThat(stored.generation()).isEqualTo(5);
        assertThat(stored.pullSpec()).isEqualTo(pullSpec("app", DIGEST_B));
        assertThat(stored.previousImage().digest()).isEqualTo(DIGEST_A);
    }

    @Test
    void aPushUnderTheSameGenerationMovesTheTag() {
        // given: ImageStreamMappings keep the stream's generation, so consecutive pushes share it
        String ns = namespace();
        AtomicReference<Settled> first = send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 1, DIGEST_A, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.get() == Settled.ACKED);

        // when
        AtomicReference<Settled> second = send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 1, DIGEST_B, DIGEST_A));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> second.get() == Settled.ACKED);
        TagImage stored = tagImages.find(ns, "app", "latest").orElseThrow();
        assertThat(stored.pullSpec()).isEqualTo(pullSpec("app", DIGEST_B));
        assertThat(stored.previousImage().digest()).isEqualTo(DIGEST_A);
    }

    @Test
    void aReplayedEventOfTheSameGenerationChangesNothing() {
        // given: A, then B, then A again, all of generation 1, at offsets 10-12 of partition 0
        String ns = namespace();
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 1, DIGEST_A, null), 0, 10);
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 1, DIGEST_B, DIGEST_A), 0, 11);
        AtomicReference<Settled> third = send(connector, EventTypes.TAG_UPDATED,
                tagUpdated(ns, "app", "latest", 1, DIGEST_A, DIGEST_B), 0, 12);
        await().atMost(Duration.ofSeconds(10)).until(() -> third.get() == Settled.ACKED);

        // when: a consumer restart replays offset 11, which continues from A, the image the tag has again
        AtomicReference<Settled> replayed = send(connector, EventTypes.TAG_UPDATED,
                tagUpdated(ns, "app", "latest", 1, DIGEST_B, DIGEST_A), 0, 11);

        // then: still A, as set at offset 12
        await().atMost(Duration.ofSeconds(10)).until(() -> replayed.get() == Settled.ACKED);
        TagImage stored = tagImages.find(ns, "app", "latest").orElseThrow();
        assertThat(stored.pullSpec()).isEqualTo(pullSpec("app", DIGEST_A));
        assertThat(stored.previousImage().digest()).isEqualTo(DIGEST_B);
    }

    @Test
    void aRepublishedOlderEventOfTheSameGenerationChangesNothing() {
        // given: A, then B, of generation 1
        String ns = namespace();
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "latest", 1, DIGEST_A, null), 0, 10);
        AtomicReference<Settled> second = send(connector, EventTypes.TAG_UPDATED,
                tagUpdated(ns, "app", "latest", 1, DIGEST_B, DIGEST_A), 0, 11);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.get() == Settled.ACKED);

        // when: the producer publishes the first event once more (at least once), at a later offset
        AtomicReference<Settled> republished = send(connector, EventTypes.TAG_UPDATED,
                tagUpdated(ns, "app", "latest", 1, DIGEST_A, null), 0, 12);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> republished.get() == Settled.ACKED);
        assertThat(tagImages.find(ns, "app", "latest").orElseThrow().pullSpec()).isEqualTo(pullSpec("app", DIGEST_B));
    }

    @Test
    void aDeletedTagOrStreamIsForgotten() {
        // given
        String ns = namespace();
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "v1", 1, DIGEST_A, null));
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "v2", 2, DIGEST_B, null));
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "other", "v1", 1, DIGEST_B, null));

        // when
        AtomicReference<Settled> tagDeleted = send(connector, EventTypes.TAG_DELETED, """
                {"namespace":"%s","stream":"app","tag":"v1","generation":3}""".formatted(ns));
        AtomicReference<Settled> streamDeleted = send(connector, EventTypes.STREAM_DELETED, """
                {"namespace":"%s","name":"other","uid":"u","generation":2,"tags":[]}""".formatted(ns));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> tagDeleted.get() == Settled.ACKED && streamDeleted.get() == Settled.ACKED);
        assertThat(tagImages.find(ns, "app", "v1")).isEmpty();
        assertThat(tagImages.find(ns, "app", "v2")).isPresent();
        assertThat(tagImages.find(ns, "other", "v1")).isEmpty();
    }

    @Test
    void aTagDeletionOlderThanTheCurrentImageKeepsIt() {
        // given
        String ns = namespace();
        send(connector, EventTypes.TAG_UPDATED, tagUpdated(ns, "app", "v1", 7, DIGEST_A, null));

        // when
        AtomicReference<Settled> deleted = send(connector, EventTypes.TAG_DELETED, """
                {"namespace":"%s","stream":"app","tag":"v1","generation":6}""".formatted(ns));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> deleted.get() == Settled.ACKED);
        assertThat(tagImages.find(ns, "app", "v1")).isPresent();
    }

    @Test
    void eventTypesNotNeededOrUnknownAreSkipped() {
        // when
        AtomicReference<Settled> streamCreated = send(connector, EventTypes.STREAM_CREATED, "{\"namespace\":\"x\",\"name\":\"y\"}");
        AtomicReference<Settled> unknown = send(connector, "io.imagestreams.stream.renamed.v9", "not even json");

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> streamCreated.get() == Settled.ACKED && unknown.get() == Settled.ACKED);
    }

    @Test
    void unreadableEventsAreDeadLettered() {
        // when
        AtomicReference<Settled> badJson = send(connector, EventTypes.TAG_UPDATED, "{\"namespace\":");
        AtomicReference<Settled> noImage = send(connector, EventTypes.TAG_UPDATED, """
                {"namespace":"x","stream":"app","tag":"v1","generation":1}""");
        AtomicReference<Settled> notACloudEvent = send(connector, null, tagUpdated("x", "app", "v1", 1, DIGEST_A, null));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> badJson.get() == Settled.NACKED && noImage.get() == Settled.NACKED
                && notACloudEvent.get() == Settled.NACKED);
    }
}
