package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.CREATED;
import static io.imagestreams.stream.service.tags.StreamFixtures.NOW;
import static io.imagestreams.stream.service.tags.StreamFixtures.copy;
import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.dockerTag;
import static io.imagestreams.stream.service.tags.StreamFixtures.event;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.latest;
import static io.imagestreams.stream.service.tags.StreamFixtures.specTag;
import static io.imagestreams.stream.service.tags.StreamFixtures.stored;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static io.imagestreams.stream.service.tags.StreamFixtures.strategy;
import static io.imagestreams.stream.service.tags.StreamFixtures.trackingTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.event.ImportFailed;
import io.imagestreams.api.event.ImportSucceeded;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagEventCondition;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.image.TagReferencePolicy;
import io.imagestreams.stream.service.tags.TagImports.ImportRequest;
import org.junit.jupiter.api.Test;

/** Reference §4.1 and checklist item 6: import results written into the stream. */
class TagImportsTest {

    private static final String A = digest("a1");
    private static final String B = digest("b2");
    private static final String CHECKED_AT = "2026-11-22T10:00:00Z";

    private final ImageStreamStrategy strategy = strategy();

    @Test
    void aFirstImportRecordsRepoAtDigestAndResetsTheTagGeneration() {
        // given
        ImageStream stream = stored(stream("app", 3).withSpecTag(dockerTag("latest", "quay.io/org/app:1", 3L)));
        ImageStream old = copy(stream);

        // when
        boolean changed = TagImports.applyImportResult(stream, succeeded("latest", 3, A), NOW);
        strategy.prepareForInternalUpdate(old, stream);

        // then
        assertThat(changed).isTrue();
        assertThat(latest(stream, "latest")).isEqualTo(TagEvent.of(NOW, "quay.io/org/app@" + A, A, 4));
        assertThat(stream.getMetadata().getGeneration()).isEqualTo(4);
        assertThat(specTag(stream, "latest").getGeneration()).isEqualTo(4L);
        assertThat(TagHistory.importPending(stream, "latest")).isFalse();
        assertThat(stream.getMetadata().getAnnotations())
                .containsEntry(ImageAnnotations.DOCKER_REPOSITORY_CHECK, CHECKED_AT);
    }

    @Test
    void findingTheSameImageAgainWritesNothing() {
        // given
        ImageStream stream = imported();
        ImageStream before = copy(stream);

        // when
        boolean changed = TagImports.applyImportResult(stream, succeeded("latest", 4, A), NOW);

        // then
        assertThat(changed).isFalse();
        assertThat(stream).isEqualTo(before);
    }

    @Test
    void aNewImagePrependsAnEventAndClearsTheFailure() {
        // given
        ImageStream stream = imported();
        TagHistory.find(stream, "latest").orElseThrow()
                .withCondition(TagEventCondition.importFailed("NotFound", "gone", 4, CREATED));

        // when
        boolean changed = TagImports.applyImportResult(stream, succeeded("latest", 4, B), NOW);

        // then
        assertThat(changed).isTrue();
        NamedTagEventList history = TagHistory.find(stream, "latest").orElseThrow();
        assertThat(history.getItems()).extracting(TagEvent::getImage).containsExactly(B, A);
        assertThat(history.getItems().get(0).getGeneration()).isEqualTo(5);
        assertThat(history.getConditions()).isEmpty();
    }

    @Test
    void aRequestedReimportOfTheSameImageOnlyMovesItsGeneration() {
        // given
        ImageStream stored = imported();
        ImageStream requested = copy(stored);
        specTag(requested, "latest").setGeneration(0L);
        strategy.prepareForUpdate(stored, requested);

        // when
        boolean changed = TagImports.applyImportResult(requested, succeeded("latest", 5, A), NOW);

        // then
        assertThat(changed).isTrue();
        assertThat(TagHistory.find(requested, "latest").orElseThrow().getItems())
                .containsExactly(TagEvent.of(CREATED, "quay.io/org/app@" + A, A, 6));
    }

    @Test
    void aFailureRecordsOneConditionAndKeepsTheCurrentImage() {
        // given
        ImageStream stream = imported();
        specTag(stream, "latest").setGeneration(5L);
        stream.getMetadata().setGeneration(5);
        ImageStream old = copy(stream);

        // when
        boolean changed = TagImports.applyImportResult(stream,
                new ImportFailed("demo", "app", "latest", 5, "Unauthorized", "no access"), NOW);
        strategy.prepareForInternalUpdate(old, stream);

        // then
        assertThat(changed).isTrue();
        NamedTagEventList history = TagHistory.find(stream, "latest").orElseThrow();
        assertThat(history.getConditions())
                .containsExactly(TagEventCondition.importFailed("Unauthorized", "no access", 6, NOW));
        assertThat(history.getItems()).extracting(TagEvent::getImage).containsExactly(A);
        assertThat(specTag(stream, "latest").getGeneration()).isEqualTo(6L);
        assertThat(TagHistory.importPending(stream, "latest")).isFalse();
    }

    @Test
    void theSameFailureAgainWritesNothing() {
        // given
        ImageStream stream = imported();
        TagHistory.find(stream, "latest").orElseThrow()
                .withCondition(TagEventCondition.importFailed("Unauthorized", "no access", 4, CREATED));
        ImageStream before = copy(stream);

        // when
        boolean changed = TagImports.applyImportResult(stream,
                new ImportFailed("demo", "app", "latest", 4, "Unauthorized", "no access"), NOW);

        // then
        assertThat(changed).isFalse();
        assertThat(stream).isEqualTo(before);
    }

    @Test
    void aFailureWithoutMessageSaysSo() {
        // given
        ImageStream stream = imported();

        // when
        TagImports.setImportFailure(stream, "latest", 5, "InternalError", "", NOW);

        // then
        assertThat(TagHistory.find(stream, "latest").orElseThrow().getConditions())
                .extracting(TagEventCondition::getMessage).containsExactly("unknown error prevented import");
    }

    @Test
    void aResultOlderThanWhatWasObservedChangesNothing() {
        // given: an image pushed at stream generation 6, after the import for generation 4 was requested
        ImageStream stream = imported();
        stream.getMetadata().setGeneration(6);
        TagHistory.addTagEvent(stream, "latest", event("registry.local:5000/demo/app@" + B, B, 6));
        ImageStream before = copy(stream);

        // when
        boolean succeeded = TagImports.applyImportResult(stream, succeeded("latest", 4, A), NOW);
        boolean failed = TagImports.applyImportResult(stream,
                new ImportFailed("demo", "app", "latest", 4, "NotFound", "gone"), NOW);

        // then
        assertThat(succeeded).isFalse();
        assertThat(failed).isFalse();
        assertThat(stream).isEqualTo(before);
    }

    @Test
    void aResultForASpecThatChangedSinceChangesNothing() {
        // given
        ImageStream stream = imported();
        specTag(stream, "latest").fromDockerImage("quay.io/org/app:2").setGeneration(6L);
        ImageStream before = copy(stream);

        // when
        boolean changed = TagImports.applyImportResult(stream, succeeded("latest", 5, B), NOW);

        // then
        assertThat(changed).isFalse();
        assertThat(stream).isEqualTo(before);
    }

    @Test
    void aResultForATagThatIsGoneOrNoLongerImportedChangesNothing() {
        // given
        ImageStream stream = imported().withSpecTag(trackingTag("alias", "latest", 4L));
        ImageStream before = copy(stream);

        // when
        boolean gone = TagImports.applyImportResult(stream, succeeded("removed", 9, B), NOW);
        boolean tracking = TagImports.applyImportResult(stream, succeeded("alias", 9, B), NOW);

        // then
        assertThat(gone).isFalse();
        assertThat(tracking).isFalse();
        assertThat(stream).isEqualTo(before);
    }

    @Test
    void aTrackingTagFollowsAnImport() {
        // given
        ImageStream stream = stored(imported().withSpecTag(trackingTag("alias", "latest", 4L))
                .withStatusTag(history("alias", event("quay.io/org/app@" + A, A, 4))));
        ImageStream old = copy(stream);

        // when
        TagImports.applyImportResult(stream, succeeded("latest", 4, B), NOW);
        strategy.prepareForInternalUpdate(old, stream);
        strategy.tagsChanged(old, stream, StreamLookup.none());

        // then
        assertThat(latest(stream, "alias").getImage()).isEqualTo(B);
    }

    @Test
    void aStreamNeverCheckedIsWrittenToRecordTheCheck() {
        // given
        ImageStream stream = imported();
        stream.getMetadata().getAnnotations().remove(ImageAnnotations.DOCKER_REPOSITORY_CHECK);

        // when
        boolean changed = TagImports.applyImportResult(stream, succeeded("latest", 4, A), NOW);

        // then
        assertThat(changed).isTrue();
        assertThat(stream.getMetadata().getAnnotations())
                .containsEntry(ImageAnnotations.DOCKER_REPOSITORY_CHECK, CHECKED_AT);
    }

    @Test
    void anImageStreamImportCreatesTheSpecTagItImportsInto() {
        // given
        ImageStream stream = stored(stream("app", 3));
        ImageStream before = copy(stream);
        ImportRequest request = new ImportRequest("quay.io/org/app:2",
                TagImportPolicy.of(false, true, TagImportPolicy.LEGACY), TagReferencePolicy.local());

        // when
        TagImports.recordImportedImage(stream, "two", request, B, "quay.io/org/app:2",
                TagImports.nextGeneration(stream), NOW);
        boolean write = TagImports.markChecked(before, stream, NOW);

        // then
        assertThat(write).isTrue();
        TagReference created = specTag(stream, "two");
        assertThat(created.getFrom().getName()).isEqualTo("quay.io/org/app:2");
        assertThat(created.getGeneration()).isZero();
        assertThat(created.getImportPolicy().isScheduled()).isTrue();
        assertThat(created.getReferencePolicy().getType()).isEqualTo(TagReferencePolicy.LOCAL);
        assertThat(latest(stream, "two")).isEqualTo(TagEvent.of(NOW, "quay.io/org/app@" + B, B, 4));
    }

    @Test
    void anImageStreamImportFailureCreatesAMissingSpecTagButKeepsAnExistingOne() {
        // given
        ImageStream stream = imported();
        ImportRequest request = new ImportRequest("quay.io/org/other:1",
                TagImportPolicy.of(false, false, TagImportPolicy.LEGACY), TagReferencePolicy.source());

        // when
        TagImports.recordImportFailure(stream, "latest", request, "NotFound", "gone", 5, NOW);
        TagImports.recordImportFailure(stream, "new", request, "NotFound", "gone", 5, NOW);

        // then
        assertThat(specTag(stream, "latest").getFrom().getName()).isEqualTo("quay.io/org/app:1");
        assertThat(specTag(stream, "latest").getGeneration()).isZero();
        assertThat(specTag(stream, "new").getFrom().getName()).isEqualTo("quay.io/org/other:1");
        assertThat(TagHistory.find(stream, "new").orElseThrow().getItems()).isEmpty();
    }

    @Test
    void aScheduledCheckAppliesWhateverGenerationImportServiceHadSeen() {
        // given: latest imported at generation 4, scheduled; import-service still knew generation 3
        ImageStream stream = imported();
        specTag(stream, "latest").setImportPolicy(TagImportPolicy.of(false, true, TagImportPolicy.LEGACY));
        ImageStream old = copy(stream);

        // when
        boolean changed = TagImports.applyImportResult(stream, scheduled("latest", 3, B, "quay.io/org/app:1"), NOW);
        strategy.prepareForInternalUpdate(old, stream);

        // then
        assertThat(changed).isTrue();
        assertThat(latest(stream, "latest").getImage()).isEqualTo(B);
        assertThat(TagHistory.find(stream, "latest").orElseThrow().getItems()).hasSize(2);
    }

    @Test
    void aScheduledCheckOfAnotherPullSpecOrOfAnUnscheduledTagChangesNothing() {
        // given
        ImageStream unscheduled = imported();
        ImageStream moved = imported();
        specTag(moved, "latest").setImportPolicy(TagImportPolicy.of(false, true, TagImportPolicy.LEGACY));

        // when / then
        assertThat(TagImports.applyImportResult(unscheduled, scheduled("latest", 4, B, "quay.io/org/app:1"), NOW)).isFalse();
        assertThat(TagImports.applyImportResult(moved, scheduled("latest", 4, B, "quay.io/org/app:0"), NOW)).isFalse();
        assertThat(TagImports.applyImportResult(moved, new ImportFailed("demo", "app", "latest", 1, "NotFound", "gone",
                "quay.io/org/app:0"), NOW)).isFalse();
        assertThat(latest(moved, "latest").getImage()).isEqualTo(A);
    }

    private static ImportSucceeded scheduled(String tag, long generation, String image, String from) {
        return new ImportSucceeded("demo", "app", tag, generation, Image.named(image), "quay.io/org/app@" + image, null, from);
    }

    /** A stream whose {@code latest} was imported at generation 4 and checked. */
    private static ImageStream imported() {
        ImageStream stream = stored(stream("app", 4)
                .withSpecTag(dockerTag("latest", "quay.io/org/app:1", 4L))
                .withStatusTag(history("latest", event("quay.io/org/app@" + A, A, 4))));
        stream.getMetadata().getAnnotations().put(ImageAnnotations.DOCKER_REPOSITORY_CHECK, "2026-11-21T00:00:00Z");
        return stream;
    }

    private static ImportSucceeded succeeded(String tag, long generation, String image) {
        return new ImportSucceeded("demo", "app", tag, generation, Image.named(image), "quay.io/org/app:1", null);
    }
}
