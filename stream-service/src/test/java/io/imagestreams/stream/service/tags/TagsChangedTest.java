package io.imagestreams.stream.service.tags;

import io.imagestreams.stream.repository.StreamKey;
import static io.imagestreams.stream.service.tags.StreamFixtures.CREATED;
import static io.imagestreams.stream.service.tags.StreamFixtures.NOW;
import static io.imagestreams.stream.service.tags.StreamFixtures.copy;
import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.dockerTag;
import static io.imagestreams.stream.service.tags.StreamFixtures.event;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.latest;
import static io.imagestreams.stream.service.tags.StreamFixtures.stored;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static io.imagestreams.stream.service.tags.StreamFixtures.strategy;
import static io.imagestreams.stream.service.tags.StreamFixtures.trackingTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.FieldError;
import org.assertj.core.groups.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference §3.2 and checklist items 4 and 5: what spec tags record in status when they are set. */
class TagsChangedTest {

    private static final String A = digest("a1");
    private static final String B = digest("b2");

    private final ImageStreamStrategy strategy = strategy();

    @Test
    void aReferenceTagRecordsItsPullSpecAtOnceWithoutImage() {
        // given
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(dockerTag("ref", "quay.io/org/app:1", null).withReference(true));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.none());

        // then
        assertThat(errors).isEmpty();
        assertThat(latest(requested, "ref")).isEqualTo(TagEvent.of(NOW, "quay.io/org/app:1", "", 1));
        assertThat(ImageStreamTags.exists(requested, "ref")).isFalse();
    }

    @Test
    void anImportedTagRecordsNothingUntilTheImportAnswers() {
        // given
        ImageStream requested = ImageStream.of("demo", "app").withSpecTag(dockerTag("latest", "app:1", null));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.none());

        // then
        assertThat(errors).isEmpty();
        assertThat(requested.getStatus().getTags()).isEmpty();
        assertThat(TagHistory.importPending(requested, "latest")).isTrue();
    }

    @Test
    void aNewTrackingTagCopiesItsSourceAtTheNewGeneration() {
        // given
        ImageStream old = stored(stream("app", 2).withSpecTag(dockerTag("1.0", "app:1.0", 1L))
                .withStatusTag(history("1.0", event("quay.io/org/app@" + A, A, 1))));
        ImageStream requested = copy(old).withSpecTag(trackingTag("latest", "1.0", null));
        strategy.prepareForUpdate(old, requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(old, requested, StreamLookup.none());

        // then
        assertThat(errors).isEmpty();
        assertThat(latest(requested, "latest")).isEqualTo(TagEvent.of(CREATED, "quay.io/org/app@" + A, A, 3));
    }

    @Test
    void aTrackingTagWhoseSourceHasNoImageYetWaitsWithoutError() {
        // given
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(dockerTag("1.0", "app:1.0", null))
                .withSpecTag(trackingTag("latest", "1.0", null));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.none());

        // then
        assertThat(errors).isEmpty();
        assertThat(TagHistory.find(requested, "latest")).isEmpty();
    }

    @Test
    void aTrackingTagFollowsWhenItsSourceIsImported() {
        // given
        ImageStream old = stored(stream("app", 2)
                .withSpecTag(dockerTag("1.0", "app:1.0", 2L))
                .withSpecTag(trackingTag("latest", "1.0", 1L))
                .withStatusTag(history("1.0", event("app@" + A, A, 1)))
                .withStatusTag(history("latest", event("app@" + A, A, 1))));
        ImageStream written = copy(old);
        TagHistory.addTagEvent(written, "1.0", event("app@" + B, B, 3));
        strategy.prepareForInternalUpdate(old, written);

        // when
        strategy.tagsChanged(old, written, StreamLookup.none());

        // then
        assertThat(latest(written, "latest").getImage()).isEqualTo(B);
        assertThat(TagHistory.find(written, "latest").orElseThrow().getItems()).hasSize(2);
    }

    @Test
    void aTrackingTagNamingItsOwnStreamFollowsAPushedImage() {
        // given
        ImageStream stream = stored(stream("app", 2).withSpecTag(trackingTag("latest", "app:1.0", 1L)));
        TagEvent pushed = event("registry.local:5000/demo/app@" + A, A, 2);

        // when
        TagHistory.addTagEvent(stream, "1.0", pushed);
        int followed = TagHistory.updateTrackingTags(stream, "1.0", pushed);

        // then
        assertThat(followed).isEqualTo(1);
        assertThat(latest(stream, "latest")).isEqualTo(pushed);
    }

    @Test
    void trackingChainsSettleInOneWrite() {
        // given
        ImageStream old = stored(stream("app", 2)
                .withSpecTag(trackingTag("a", "b", 1L))
                .withSpecTag(trackingTag("b", "c", 1L)));
        ImageStream written = copy(old);
        TagHistory.addTagEvent(written, "c", event("app@" + A, A, 2));
        strategy.prepareForInternalUpdate(old, written);

        // when
        strategy.tagsChanged(old, written, StreamLookup.none());

        // then
        assertThat(latest(written, "a").getImage()).isEqualTo(A);
    }

    @Test
    void aTagFromAnotherStreamIsASnapshotThatDoesNotFollowLaterChanges() {
        // given
        ImageStream base = stored(stream("base", 4)
                .withStatusTag(history("1", event("quay.io/org/base@" + A, A, 4))));
        ImageStream requested = ImageStream.of("demo", "app").withSpecTag(trackingTag("copy", "base:1", null));
        strategy.prepareForCreate(requested);
        strategy.tagsChanged(null, requested, StreamLookup.of(List.of(base)));
        ImageStream stored = copy(requested);
        ImageStream baseLater = copy(base);
        TagHistory.addTagEvent(baseLater, "1", event("quay.io/org/base@" + B, B, 5));
        ImageStream update = copy(stored);
        strategy.prepareForUpdate(stored, update);

        // when
        List<FieldError> errors = strategy.tagsChanged(stored, update, StreamLookup.of(List.of(baseLater)));

        // then
        assertThat(errors).isEmpty();
        assertThat(latest(update, "copy")).isEqualTo(TagEvent.of(CREATED, "quay.io/org/base@" + A, A, 1));
    }

    @Test
    void theSourceNamespaceDefaultsToTheStreamsButCanBeAnother() {
        // given
        TagReference sameNamespace = trackingTag("local", "base:1", null);
        TagReference shared = trackingTag("shared", "base:1", null);
        shared.getFrom().setNamespace("shared");
        TagReference own = trackingTag("own", "latest", null);
        ImageStream requested = ImageStream.of("demo", "app").withSpecTag(sameNamespace).withSpecTag(shared)
                .withSpecTag(own);
        strategy.prepareForCreate(requested);

        // when
        var keys = strategy.referencedStreams(null, requested);

        // then
        assertThat(keys).containsExactlyInAnyOrder(new StreamKey("demo", "base"), new StreamKey("shared", "base"));
    }

    @Test
    void unchangedTagsAreNotResolvedAgain() {
        // given
        ImageStream old = stored(stream("app", 2).withSpecTag(trackingTag("copy", "gone:1", 1L)));
        ImageStream requested = copy(old);
        requested.getMetadata().getLabels().put("team", "a");
        strategy.prepareForUpdate(old, requested);

        // when
        var keys = strategy.referencedStreams(old, requested);
        List<FieldError> errors = strategy.tagsChanged(old, requested, StreamLookup.none());

        // then
        assertThat(keys).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aMissingSourceStreamIsNotFound() {
        // given
        ImageStream requested = ImageStream.of("demo", "app").withSpecTag(trackingTag("copy", "base:1", null));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.none());

        // then
        assertThat(errors).extracting(FieldError::toString)
                .containsExactly("spec.tags[copy].from.name: Not found: \"base:1\"");
    }

    @Test
    void aSourceNameWithTwoColonsIsRejected() {
        // given
        ImageStream requested = ImageStream.of("demo", "app").withSpecTag(trackingTag("copy", "a:b:c", null))
                .withSpecTag(dockerTag("ref", "quay.io/org/app:1", null).withReference(true));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.none());

        // then
        assertThat(errors).extracting(FieldError::toString).containsExactly("spec.tags[copy].from.name: Invalid value:"
                + " \"a:b:c\": must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>");
        assertThat(TagHistory.find(requested, "ref")).isPresent();
    }

    @Test
    void anImageIdPrefixResolvesOverTheWholeHistoryOfTheSource() {
        // given
        ImageStream base = stored(stream("base", 4)
                .withStatusTag(history("1", event("quay.io/org/base@" + B, B, 4),
                        event("quay.io/org/base@" + A, A, 2))));
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(TagReference.named("by-hex").fromImageStreamImage("base@a1"))
                .withSpecTag(TagReference.named("by-digest").fromImageStreamImage("base@sha256:b"));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.of(List.of(base)));

        // then
        assertThat(errors).isEmpty();
        assertThat(latest(requested, "by-hex")).isEqualTo(TagEvent.of(NOW, "quay.io/org/base@" + A, A, 1));
        assertThat(latest(requested, "by-digest").getImage()).isEqualTo(B);
    }

    @Test
    void aPrefixMatchingSeveralImagesIsAConflict() {
        // given
        String ab1 = digest("ab1");
        String ab2 = digest("ab2");
        ImageStream base = stored(stream("base", 4)
                .withStatusTag(history("1", event("base@" + ab1, ab1, 1)))
                .withStatusTag(history("2", event("base@" + ab2, ab2, 1)))
                .withStatusTag(history("3", event("base@" + ab2, ab2, 1))));
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(TagReference.named("pinned").fromImageStreamImage("base@ab"));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.of(List.of(base)));

        // then
        assertThat(errors).extracting(FieldError::toString).containsExactly("spec.tags[pinned].from.name: Invalid"
                + " value: \"base@ab\": error generating tag event: Operation cannot be fulfilled on"
                + " imagestreamimage.image.openshift.io \"ab\": multiple images match the prefix \"ab\": "
                + ab1 + ", " + ab2);
        assertThat(TagHistory.find(requested, "pinned")).isEmpty();
    }

    @Test
    void aPrefixMatchingNoImageIsNotFound() {
        // given
        ImageStream base = stored(stream("base", 4).withStatusTag(history("1", event("base@" + A, A, 1))));
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(TagReference.named("pinned").fromImageStreamImage("base@ff"));
        strategy.prepareForCreate(requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(null, requested, StreamLookup.of(List.of(base)));

        // then
        assertThat(errors).extracting(FieldError::toString).containsExactly("spec.tags[pinned].from.name: Invalid"
                + " value: \"base@ff\": error generating tag event: imagestreamimage.image.openshift.io \"ff\" not"
                + " found");
    }

    @Test
    void imagesInTheSourcesIntegratedRegistryRepositoryArePulledThroughTheTaggingStream() {
        // given
        ImageStream base = stored(stream("base", 4)
                .withStatusTag(history("1", event("registry.local:5000/demo/base@" + A, A, 1)))
                .withStatusTag(history("ext", event("quay.io/org/base@" + B, B, 1))));
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(trackingTag("copy", "base:1", null))
                .withSpecTag(trackingTag("ref", "base:1", null).withReference(true))
                .withSpecTag(trackingTag("ext", "base:ext", null));
        strategy.prepareForCreate(requested);

        // when
        strategy.tagsChanged(null, requested, StreamLookup.of(List.of(base)));

        // then
        assertThat(latest(requested, "copy").getDockerImageReference())
                .isEqualTo("registry.local:5000/demo/app@" + A);
        assertThat(latest(requested, "ref").getDockerImageReference())
                .isEqualTo("registry.local:5000/demo/base@" + A);
        assertThat(latest(requested, "ext").getDockerImageReference()).isEqualTo("quay.io/org/base@" + B);
    }

    @Test
    void rollingBackToAnOlderImagePrependsItAndKeepsTheHistory() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("prod", "quay.io/org/app:prod", 2L))
                .withStatusTag(history("prod", event("quay.io/org/app@" + B, B, 2),
                        event("quay.io/org/app@" + A, A, 1))));
        ImageStream requested = copy(old);
        requested.getSpec().findTag("prod").orElseThrow().fromImageStreamImage("app@" + A);
        strategy.prepareForUpdate(old, requested);

        // when
        List<FieldError> errors = strategy.tagsChanged(old, requested, StreamLookup.none());

        // then
        assertThat(errors).isEmpty();
        assertThat(TagHistory.find(requested, "prod").orElseThrow().getItems())
                .extracting(TagEvent::getImage, TagEvent::getGeneration)
                .containsExactly(Tuple.tuple(A, 4L),
                        Tuple.tuple(B, 2L),
                        Tuple.tuple(A, 1L));
    }

    @Test
    void pinningTheCurrentImageOnlyUpdatesItsGeneration() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("prod", "quay.io/org/app:prod", 2L))
                .withStatusTag(history("prod", event("quay.io/org/app@" + A, A, 2))));
        ImageStream requested = copy(old);
        requested.getSpec().findTag("prod").orElseThrow().fromImageStreamImage("app@" + A);
        strategy.prepareForUpdate(old, requested);

        // when
        strategy.tagsChanged(old, requested, StreamLookup.none());

        // then
        assertThat(TagHistory.find(requested, "prod").orElseThrow().getItems())
                .containsExactly(TagEvent.of(CREATED, "quay.io/org/app@" + A, A, 4));
    }
}
