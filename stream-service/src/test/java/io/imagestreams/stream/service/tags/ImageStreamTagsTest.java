package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.CREATED;
import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.dockerTag;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.importFailed;
import static io.imagestreams.stream.service.tags.StreamFixtures.stored;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReferencePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reference §1.3 and §3.7: the ImageStreamTag view. */
class ImageStreamTagsTest {

    private static final String A = digest("a1");
    private static final String B = digest("b2");
    private static final Instant IMPORTED = Instant.parse("2026-11-21T09:30:00Z");

    @Test
    void onlyTagsWhoseCurrentEventHasAnImageExist() {
        // given
        ImageStream stream = sample();

        // when
        List<String> existing = List.of("latest", "ref", "spec-only", "unknown").stream()
                .filter(tag -> ImageStreamTags.exists(stream, tag))
                .toList();

        // then
        assertThat(existing).containsExactly("latest");
    }

    @Test
    void theIstagTakesItsMetadataFromTheStreamAndTheCurrentEvent() {
        // given
        ImageStream stream = sample();

        // when
        ImageStreamTag istag = ImageStreamTags.toImageStreamTag(stream, "latest", Optional.of(storedImage()));

        // then
        assertThat(istag.getKind()).isEqualTo(ImageApi.KIND_IMAGE_STREAM_TAG);
        assertThat(istag.getMetadata().getName()).isEqualTo("app:latest");
        assertThat(istag.getMetadata().getNamespace()).isEqualTo("demo");
        assertThat(istag.getMetadata().getCreationTimestamp()).isEqualTo(IMPORTED);
        assertThat(istag.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(istag.getMetadata().getUid()).isEqualTo("uid-app");
        assertThat(istag.getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(istag.getMetadata().getAnnotations()).containsExactlyEntriesOf(Map.of("role", "web"));
        assertThat(istag.getGeneration()).isEqualTo(3);
        assertThat(istag.getTag().getName()).isEqualTo("latest");
        assertThat(istag.getConditions()).containsExactly(importFailed(4));
        assertThat(istag.getLookupPolicy().isLocal()).isTrue();
    }

    @Test
    void theImageLosesManifestAndConfigGainsTagAnnotationsAndThePolicyPullSpec() {
        // given
        ImageStream stream = sample();
        Image image = storedImage();

        // when
        ImageStreamTag istag = ImageStreamTags.toImageStreamTag(stream, "latest", Optional.of(image));

        // then
        Image shown = istag.getImage();
        assertThat(shown.getKind()).isNull();
        assertThat(shown.getDockerImageManifest()).isNull();
        assertThat(shown.getDockerImageConfig()).isNull();
        assertThat(shown.getMetadata().getAnnotations()).containsEntry("role", "web").containsEntry("own", "x");
        assertThat(shown.getDockerImageReference()).isEqualTo("registry.local:5000/demo/app@" + A);
        assertThat(image.getDockerImageManifest()).isEqualTo("{}");
    }

    @Test
    void withoutTheImageTheIstagNamesIt() {
        // given
        ImageStream stream = sample();

        // when
        ImageStreamTag istag = ImageStreamTags.toImageStreamTag(stream, "latest", Optional.empty());

        // then
        assertThat(istag.getImage().getMetadata().getName()).isEqualTo(A);
        assertThat(istag.getImage().getDockerImageReference()).isEqualTo("registry.local:5000/demo/app@" + A);
    }

    @Test
    void aTagWithoutHistoryIsShownAsCreatedWithTheStream() {
        // given
        ImageStream stream = sample();

        // when
        ImageStreamTag istag = ImageStreamTags.toImageStreamTag(stream, "spec-only", Optional.empty());

        // then
        assertThat(istag.getMetadata().getCreationTimestamp()).isEqualTo(CREATED);
        assertThat(istag.getGeneration()).isZero();
        assertThat(istag.getImage().getMetadata().getName()).isNull();
        assertThat(istag.getImage().getDockerImageReference()).isNull();
    }

    @Test
    void theListShowsOnlyTagsWithImagesInNameOrder() {
        // given
        ImageStream stream = sample();

        // when
        List<ImageStreamTag> items = ImageStreamTags.listItems(stream);

        // then
        assertThat(items).extracting(istag -> istag.getMetadata().getName())
                .containsExactly("app:latest", "app:pushed");
        assertThat(items).extracting(ImageStreamTag::getKind).containsOnlyNulls();
        assertThat(items.get(1).getTag()).isNull();
        assertThat(items.get(1).getImage().getDockerImageReference()).isEqualTo("quay.io/org/app@" + B);
    }

    private static ImageStream sample() {
        ImageStream stream = stream("app", 4)
                .withSpecTag(dockerTag("latest", "quay.io/org/app:1", 3L)
                        .withReferencePolicy(TagReferencePolicy.LOCAL).withAnnotation("role", "web"))
                .withSpecTag(dockerTag("ref", "quay.io/org/app:1", 1L).withReference(true))
                .withSpecTag(dockerTag("spec-only", "quay.io/org/app:9", 4L))
                .withStatusTag(history("latest", TagEvent.of(IMPORTED, "quay.io/org/app@" + A, A, 3))
                        .withCondition(importFailed(4)))
                .withStatusTag(history("ref", TagEvent.of(IMPORTED, "quay.io/org/app:1", "", 1)))
                .withStatusTag(history("pushed", TagEvent.of(IMPORTED, "quay.io/org/app@" + B, B, 2)));
        stream.getMetadata().getLabels().put("team", "a");
        stream.getSpec().getLookupPolicy().setLocal(true);
        return stored(stream);
    }

    private static Image storedImage() {
        Image image = Image.named(A).withDockerImageReference("quay.io/org/app@" + A);
        image.setDockerImageManifest("{}");
        image.setDockerImageConfig("{}");
        image.getMetadata().getAnnotations().put("own", "x");
        return image;
    }
}
