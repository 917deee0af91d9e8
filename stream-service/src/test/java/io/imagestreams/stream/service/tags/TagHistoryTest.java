package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.dockerTag;
import static io.imagestreams.stream.service.tags.StreamFixtures.event;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.importFailed;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static io.imagestreams.stream.service.tags.StreamFixtures.trackingTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagReference;
import org.junit.jupiter.api.Test;

/** Reference §3.1 (observed generation), §3.4 and §3.5 and checklist item 3. */
class TagHistoryTest {

    private static final String A = digest("a1");

    @Test
    void deletingAnIstagRemovesSpecAndStatus() {
        // given
        ImageStream stream = stream("app", 2).withSpecTag(dockerTag("latest", "app:1", 1L))
                .withStatusTag(history("latest", event("app@" + A, A, 1)));

        // when
        boolean removed = TagHistory.removeTag(stream, "latest");

        // then
        assertThat(removed).isTrue();
        assertThat(stream.getSpec().getTags()).isEmpty();
        assertThat(stream.getStatus().getTags()).isEmpty();
    }

    @Test
    void deletingAStatusOnlyTagRemovesIt() {
        // given
        ImageStream stream = stream("app", 2).withStatusTag(history("pushed", event("app@" + A, A, 1)));

        // when
        boolean removed = TagHistory.removeTag(stream, "pushed");

        // then
        assertThat(removed).isTrue();
        assertThat(stream.getStatus().getTags()).isEmpty();
    }

    @Test
    void deletingAnUnknownTagFindsNothing() {
        // given
        ImageStream stream = stream("app", 2).withSpecTag(dockerTag("latest", "app:1", 1L));

        // when
        boolean removed = TagHistory.removeTag(stream, "other");

        // then
        assertThat(removed).isFalse();
        assertThat(stream.getSpec().getTags()).hasSize(1);
    }

    @Test
    void theObservedGenerationIsTheLargerOfTheCurrentEventAndTheFirstImportCondition() {
        // given
        ImageStream stream = stream("app", 5).withStatusTag(history("latest", event("app@" + A, A, 2))
                .withCondition(importFailed(4))
                .withCondition(importFailed(9)));

        // when
        long observed = TagHistory.latestObservedTagGeneration(stream, "latest");

        // then
        assertThat(observed).isEqualTo(4);
        assertThat(TagHistory.latestObservedTagGeneration(stream, "missing")).isZero();
    }

    @Test
    void anImportIsPendingWhileTheSpecGenerationIsAheadOfTheObservedOne() {
        // given
        ImageStream stream = stream("app", 5)
                .withSpecTag(dockerTag("ahead", "app:1", 5L))
                .withSpecTag(dockerTag("done", "app:2", 3L))
                .withSpecTag(dockerTag("ref", "app:3", 5L).withReference(true))
                .withSpecTag(trackingTag("alias", "done", 5L))
                .withSpecTag(dockerTag("legacy", "app:4", null))
                .withStatusTag(history("ahead", event("app@" + A, A, 2)))
                .withStatusTag(history("done", event("app@" + A, A, 3)));

        // when
        var pending = TagHistory.tagsPendingImport(stream);

        // then
        assertThat(pending).extracting(TagReference::getName).containsExactly("ahead");
        assertThat(TagHistory.importPending(stream, "done")).isFalse();
        assertThat(TagHistory.importPending(stream, "unknown")).isFalse();
    }

    @Test
    void anEmptyTagMeansLatest() {
        // given
        ImageStream stream = stream("app", 2).withStatusTag(history("latest", event("app@" + A, A, 1)));

        // when
        var current = TagHistory.latest(stream, "");

        // then
        assertThat(current).map(event -> event.getImage()).contains(A);
    }
}
