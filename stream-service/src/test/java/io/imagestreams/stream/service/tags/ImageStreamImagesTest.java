package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.event;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reference §3.9: ImageStreamImage lookup by ID prefix. */
class ImageStreamImagesTest {

    private static final String LIST = digest("ab1");
    private static final String CHILD = digest("cd2");
    private static final String OLD = digest("ab3");

    @Test
    void aPrefixOfTheHexPartOrOfTheDigestFindsTheImage() {
        // given
        ImageStream stream = sample();

        // when
        Optional<String> byHex = ImageStreamImages.findImage(stream, "cd", Map.of(LIST, List.of(CHILD)));
        Optional<String> byDigest = ImageStreamImages.findImage(stream, "sha256:cd2", Map.of(LIST, List.of(CHILD)));

        // then
        assertThat(byHex).contains(CHILD);
        assertThat(byDigest).contains(CHILD);
    }

    @Test
    void childManifestsAreFoundOnlyThroughTheirList() {
        // given
        ImageStream stream = sample();

        // when
        Optional<String> found = ImageStreamImages.findImage(stream, "cd", Map.of());

        // then
        assertThat(found).isEmpty();
    }

    @Test
    void anAmbiguousPrefixGivesTheLastMatchInsteadOfAnError() {
        // given
        ImageStream stream = sample();

        // when
        Optional<String> found = ImageStreamImages.findImage(stream, "ab", Map.of());

        // then
        assertThat(found).contains(OLD);
    }

    @Test
    void theIsimageKeepsTheIdAsGivenAndTheStreamAnnotations() {
        // given
        ImageStream stream = sample();
        stream.getMetadata().getAnnotations().put("owner", "team-a");
        Image image = Image.named(CHILD).withDockerImageReference("quay.io/org/app@" + CHILD);
        image.getMetadata().setCreationTimestamp(Instant.parse("2026-11-01T00:00:00Z"));
        image.setDockerImageManifest("{}");

        // when
        ImageStreamImage isimage = ImageStreamImages.toImageStreamImage(stream, "cd", image);

        // then
        assertThat(isimage.getKind()).isEqualTo(ImageApi.KIND_IMAGE_STREAM_IMAGE);
        assertThat(isimage.getMetadata().getName()).isEqualTo("app@cd");
        assertThat(isimage.getMetadata().getNamespace()).isEqualTo("demo");
        assertThat(isimage.getMetadata().getCreationTimestamp()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(isimage.getMetadata().getAnnotations()).containsEntry("owner", "team-a");
        assertThat(isimage.getImage().getMetadata().getName()).isEqualTo(CHILD);
        assertThat(isimage.getImage().getKind()).isNull();
        assertThat(isimage.getImage().getDockerImageManifest()).isNull();
    }

    private static ImageStream sample() {
        return stream("app", 3)
                .withStatusTag(history("latest", event("quay.io/org/app@" + LIST, LIST, 3),
                        event("quay.io/org/app@" + OLD, OLD, 1)))
                .withStatusTag(history("ref", event("quay.io/org/app:1", "", 2)));
    }
}
