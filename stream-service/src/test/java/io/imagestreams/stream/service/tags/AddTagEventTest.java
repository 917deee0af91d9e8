package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.CREATED;
import static io.imagestreams.stream.service.tags.StreamFixtures.NOW;
import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.importFailed;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import org.junit.jupiter.api.Test;

/** Reference §3.3 and checklist item 2: {@code AddTagEventToImageStream}, row by row. */
class AddTagEventTest {

    private static final String A = digest("a1");
    private static final String B = digest("b2");
    private static final TagEvent CURRENT = TagEvent.of(CREATED, "quay.io/org/app@" + A, A, 2);

    @Test
    void sameReferenceImageAndGenerationChangesNothing() {
        // given
        ImageStream stream = withCurrentAndFailure();

        // when
        boolean changed = TagHistory.addTagEvent(stream, "latest", TagEvent.of(NOW, "quay.io/org/app@" + A, A, 2));

        // then
        assertThat(changed).isFalse();
        assertThat(latestHistory(stream).getItems()).containsExactly(CURRENT);
        assertThat(latestHistory(stream).getConditions()).isNotEmpty();
    }

    @Test
    void sameReferenceAndImageUpdateOnlyTheGeneration() {
        // given
        ImageStream stream = withCurrentAndFailure();

        // when
        boolean changed = TagHistory.addTagEvent(stream, "latest", TagEvent.of(NOW, "quay.io/org/app@" + A, A, 5));

        // then
        assertThat(changed).isTrue();
        assertThat(latestHistory(stream).getItems())
                .containsExactly(TagEvent.of(CREATED, "quay.io/org/app@" + A, A, 5));
        assertThat(latestHistory(stream).getConditions()).isEmpty();
    }

    @Test
    void aNewImageAtTheSameReferenceReplacesTheImageInPlace() {
        // given
        ImageStream stream = withCurrentAndFailure();

        // when
        boolean changed = TagHistory.addTagEvent(stream, "latest", TagEvent.of(NOW, "quay.io/org/app@" + A, B, 5));

        // then
        assertThat(changed).isTrue();
        assertThat(latestHistory(stream).getItems())
                .containsExactly(TagEvent.of(CREATED, "quay.io/org/app@" + A, B, 5));
        assertThat(latestHistory(stream).getConditions()).isEmpty();
    }

    @Test
    void theSameImageAtAnotherReferenceReplacesTheReferenceInPlace() {
        // given
        ImageStream stream = withCurrentAndFailure();

        // when
        boolean changed = TagHistory.addTagEvent(stream, "latest", TagEvent.of(NOW, "mirror.io/org/app@" + A, A, 5));

        // then
        assertThat(changed).isTrue();
        assertThat(latestHistory(stream).getItems())
                .containsExactly(TagEvent.of(CREATED, "mirror.io/org/app@" + A, A, 5));
        assertThat(latestHistory(stream).getConditions()).isEmpty();
    }

    @Test
    void anotherImageAtAnotherReferenceIsPrepended() {
        // given
        ImageStream stream = withCurrentAndFailure();
        TagEvent next = TagEvent.of(NOW, "quay.io/org/app@" + B, B, 5);

        // when
        boolean changed = TagHistory.addTagEvent(stream, "latest", next);

        // then
        assertThat(changed).isTrue();
        assertThat(latestHistory(stream).getItems()).containsExactly(next, CURRENT);
        assertThat(latestHistory(stream).getConditions()).isEmpty();
    }

    @Test
    void aTagWithoutHistoryStartsOne() {
        // given
        ImageStream stream = stream("app", 2).withStatusTag(history("zeta")).withStatusTag(history("alpha"));
        TagEvent next = TagEvent.of(NOW, "quay.io/org/app@" + B, B, 5);

        // when
        boolean changed = TagHistory.addTagEvent(stream, "latest", next);

        // then
        assertThat(changed).isTrue();
        assertThat(latestHistory(stream).getItems()).containsExactly(next);
        assertThat(stream.getStatus().getTags()).extracting(NamedTagEventList::getTag)
                .containsExactly("alpha", "latest", "zeta");
    }

    @Test
    void theRecordedEventIsACopy() {
        // given
        ImageStream stream = stream("app", 2);
        TagEvent next = TagEvent.of(NOW, "quay.io/org/app@" + B, B, 5);

        // when
        TagHistory.addTagEvent(stream, "latest", next);
        next.setGeneration(9);

        // then
        assertThat(latestHistory(stream).getItems().get(0).getGeneration()).isEqualTo(5);
    }

    private static ImageStream withCurrentAndFailure() {
        return stream("app", 2).withStatusTag(
                NamedTagEventList.of("latest", TagEvent.of(CREATED, "quay.io/org/app@" + A, A, 2))
                        .withCondition(importFailed(3)));
    }

    private static NamedTagEventList latestHistory(ImageStream stream) {
        return TagHistory.find(stream, "latest").orElseThrow();
    }
}
