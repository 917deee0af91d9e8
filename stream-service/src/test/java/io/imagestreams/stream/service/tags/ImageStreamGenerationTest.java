package io.imagestreams.stream.service.tags;

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
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.image.TagReferencePolicy;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference §3.1 and checklist item 1: the stream generation moves on spec changes only. */
class ImageStreamGenerationTest {

    private final ImageStreamStrategy strategy = strategy();

    @Test
    void createDiscardsStatusStartsAtGenerationOneAndSetsStatusRepositories() {
        // given
        ImageStream requested = ImageStream.of("demo", "app")
                .withSpecTag(dockerTag("latest", "quay.io/org/app:1", 42L))
                .withSpecTag(TagReference.named("empty"))
                .withStatusTag(history("latest", event("forged@" + digest("f"), digest("f"), 9)));
        requested.getMetadata().setGeneration(5);

        // when
        strategy.prepareForCreate(requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(1);
        assertThat(requested.getSpec().getTags()).extracting(TagReference::getGeneration).containsOnly(1L);
        assertThat(requested.getStatus().getTags()).isEmpty();
        assertThat(requested.getStatus().getDockerImageRepository()).isEqualTo("registry.local:5000/demo/app");
        assertThat(requested.getStatus().getPublicDockerImageRepository())
                .isEqualTo("registry.example.com/demo/app");
    }

    @Test
    void createAppliesImageDefaults() {
        // given
        ImageStream requested = ImageStream.of("demo", "app").withSpecTag(dockerTag("latest", "app:1", null));

        // when
        strategy.prepareForCreate(requested);

        // then
        TagReference tag = specTag(requested, "latest");
        assertThat(tag.getReferencePolicy().getType()).isEqualTo(TagReferencePolicy.SOURCE);
        assertThat(tag.getImportPolicy().getImportMode()).isEqualTo(TagImportPolicy.LEGACY);
    }

    @Test
    void withoutAnInternalRegistryTheStatusRepositoryIsTheSpecRepository() {
        // given
        ImageStreamStrategy noRegistry = new ImageStreamStrategy(RegistryHostnames.none(), () -> Instant.EPOCH);
        ImageStream withRepository = ImageStream.of("demo", "app");
        withRepository.getSpec().setDockerImageRepository("quay.io/org/app");
        ImageStream without = ImageStream.of("demo", "other");

        // when
        noRegistry.prepareForCreate(withRepository);
        noRegistry.prepareForCreate(without);

        // then
        assertThat(withRepository.getStatus().getDockerImageRepository()).isEqualTo("quay.io/org/app");
        assertThat(without.getStatus().getDockerImageRepository()).isEmpty();
        assertThat(without.getStatus().getPublicDockerImageRepository()).isNull();
    }

    @Test
    void anUnchangedSpecKeepsTheGeneration() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old);

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(3);
        assertThat(specTag(requested, "latest").getGeneration()).isEqualTo(2L);
    }

    @Test
    void labelAndAnnotationChangesDoNotMoveTheGeneration() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old);
        requested.getMetadata().getLabels().put("team", "a");
        requested.getMetadata().getAnnotations().put("note", "b");

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(3);
    }

    @Test
    void aNewTagMovesTheGenerationAndOnlyTheNewTagTakesIt() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old).withSpecTag(dockerTag("next", "app:2", null));

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(4);
        assertThat(specTag(requested, "next").getGeneration()).isEqualTo(4L);
        assertThat(specTag(requested, "latest").getGeneration()).isEqualTo(2L);
    }

    @Test
    void userChosenTagGenerationsAreIgnored() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old);
        specTag(requested, "latest").setGeneration(99L);

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(3);
        assertThat(specTag(requested, "latest").getGeneration()).isEqualTo(2L);
    }

    @Test
    void generationZeroAsksForAnImportAtTheNewStreamGeneration() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L))
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 2))));
        ImageStream requested = copy(old);
        specTag(requested, "latest").setGeneration(0L);

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(4);
        assertThat(specTag(requested, "latest").getGeneration()).isEqualTo(4L);
        assertThat(TagHistory.importPending(requested, "latest")).isTrue();
    }

    @Test
    void aLegacyStreamAtGenerationZeroMovesOnAnyUpdate() {
        // given
        ImageStream old = stored(stream("app", 0));
        ImageStream requested = copy(old);

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(1);
    }

    static Stream<Arguments> changesThatKeepTheTagGeneration() {
        return Stream.of(
                Arguments.of("from.kind", (Consumer<TagReference>) tag -> tag.getFrom().setKind("ImageStreamTag")),
                Arguments.of("insecure", (Consumer<TagReference>) tag -> tag.getImportPolicy().setInsecure(true)),
                Arguments.of("scheduled", (Consumer<TagReference>) tag -> tag.getImportPolicy().setScheduled(true)),
                Arguments.of("referencePolicy",
                        (Consumer<TagReference>) tag -> tag.setReferencePolicy(TagReferencePolicy.local())),
                Arguments.of("annotations", (Consumer<TagReference>) tag -> tag.withAnnotation("k", "v")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatKeepTheTagGeneration")
    void changesThatDoNotReimportMoveOnlyTheStreamGeneration(String change, Consumer<TagReference> edit) {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old);
        edit.accept(specTag(requested, "latest"));

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(4);
        assertThat(specTag(requested, "latest").getGeneration()).isEqualTo(2L);
    }

    static Stream<Arguments> changesThatReimport() {
        return Stream.of(
                Arguments.of("from.name", (Consumer<TagReference>) tag -> tag.getFrom().setName("app:2")),
                Arguments.of("from.namespace", (Consumer<TagReference>) tag -> tag.getFrom().setNamespace("other")),
                Arguments.of("reference", (Consumer<TagReference>) tag -> tag.setReference(true)),
                Arguments.of("importMode", (Consumer<TagReference>) tag -> tag.getImportPolicy()
                        .setImportMode(TagImportPolicy.PRESERVE_ORIGINAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatReimport")
    void changedTagsTakeTheNewStreamGeneration(String change, Consumer<TagReference> edit) {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old);
        edit.accept(specTag(requested, "latest"));

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(4);
        assertThat(specTag(requested, "latest").getGeneration()).isEqualTo(4L);
    }

    @Test
    void aSpecUpdateKeepsTheStoredStatus() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L))
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 2))));
        ImageStream requested = copy(old);
        requested.getStatus().getTags().clear();

        // when
        strategy.prepareForUpdate(old, requested);

        // then
        assertThat(requested.getStatus().getTags()).isEqualTo(old.getStatus().getTags());
    }

    @Test
    void removingASpecTagKeepsItsHistory() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L))
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 2))));
        ImageStream requested = copy(old);
        requested.getSpec().getTags().clear();

        // when
        strategy.prepareForUpdate(old, requested);
        strategy.tagsChanged(old, requested, StreamLookup.none());

        // then
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(4);
        assertThat(requested.getSpec().getTags()).isEmpty();
        assertThat(latest(requested, "latest").getImage()).isEqualTo(digest("a"));
    }

    @Test
    void anInternalUpdateKeepsTheStatusItIsGiven() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream written = copy(old)
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 4)));

        // when
        strategy.prepareForInternalUpdate(old, written);

        // then
        assertThat(latest(written, "latest").getImage()).isEqualTo(digest("a"));
    }

    @Test
    void aStatusUpdateKeepsSpecTagsAndGeneration() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L)));
        ImageStream requested = copy(old).withSpecTag(dockerTag("sneaky", "app:2", 1L));
        requested.getSpec().setDockerImageRepository("quay.io/org/app");
        requested.getMetadata().setGeneration(10);

        // when
        strategy.prepareForStatusUpdate(old, requested);

        // then
        assertThat(requested.getSpec().getTags()).isEqualTo(old.getSpec().getTags());
        assertThat(requested.getSpec().getDockerImageRepository()).isNull();
        assertThat(requested.getMetadata().getGeneration()).isEqualTo(3);
    }

    @Test
    void aStatusUpdateGivesAnUnchangedEventAtGenerationZeroTheStreamGeneration() {
        // given: a legacy event stored without generation, written back as it is
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L))
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 0))));
        ImageStream requested = copy(old);

        // when
        strategy.prepareForStatusUpdate(old, requested);

        // then
        assertThat(latest(requested, "latest").getGeneration()).isEqualTo(3);
    }

    @Test
    void aStatusUpdateThatLowersAGenerationToZeroCountsAsAChangedEvent() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L))
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 1))));
        ImageStream requested = copy(old);
        latest(requested, "latest").setGeneration(0);

        // when
        strategy.prepareForStatusUpdate(old, requested);

        // then
        assertThat(latest(requested, "latest").getGeneration()).isEqualTo(2);
    }

    @Test
    void aStatusUpdateGivesANewEventAtGenerationZeroTheSpecTagGeneration() {
        // given
        ImageStream old = stored(stream("app", 3).withSpecTag(dockerTag("latest", "app:1", 2L))
                .withSpecTag(dockerTag("other", "app:3", 1L))
                .withStatusTag(history("latest", event("app@" + digest("a"), digest("a"), 2))));
        ImageStream requested = copy(old)
                .withStatusTag(history("pushed", event("app@" + digest("c"), digest("c"), 0)));
        requested.getStatus().findTag("latest").orElseThrow().getItems()
                .add(0, event("app@" + digest("b"), digest("b"), 0));

        // when
        strategy.prepareForStatusUpdate(old, requested);

        // then
        assertThat(latest(requested, "latest").getGeneration()).isEqualTo(2);
        assertThat(latest(requested, "pushed").getGeneration()).isEqualTo(3);
    }
}
