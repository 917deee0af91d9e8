package io.imagestreams.stream.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.image.TagReference;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which spec tag's importer annotations each image of an ImageStreamImport takes its preferred platform from. */
class TargetPlatformsTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final PlatformPreference ARM64 = new PlatformPreference("arm64", "linux");

    @Test
    void theTargetTagNamedByToOrElseTheSourceTagGivesThePreference() {
        // given
        ImageStream stream = ImageStream.of("demo", "app")
                .withSpecTag(TagReference.named("arm").fromDockerImage("quay.io/acme/app:1")
                        .withAnnotation(ImageAnnotations.IMPORTER_PREFER_ARCH, "arm64")
                        .withAnnotation(ImageAnnotations.IMPORTER_PREFER_OS, "linux"))
                .withSpecTag(TagReference.named("latest").fromDockerImage("quay.io/acme/app:1")
                        .withAnnotation(ImageAnnotations.IMPORTER_PREFER_OS, "windows"))
                .withSpecTag(TagReference.named("plain").fromDockerImage("quay.io/acme/app:1"));
        ImageStreamImport request = ImageStreamImport.of("demo", "app", true)
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:1").to("arm"))
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:arm"))
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app"))
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:1").to("plain"))
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:1").to("missing"))
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app@" + DIGEST).to("arm"));

        // when
        var platforms = TargetPlatforms.of(request.getSpec(), Optional.of(stream));

        // then: by to, by the source tag, by the implicit latest; none for a plain or missing tag and for a digest
        assertThat(platforms).containsExactly(ARM64, ARM64, new PlatformPreference(null, "windows"),
                PlatformPreference.NONE, PlatformPreference.NONE, PlatformPreference.NONE);
    }

    @Test
    void aStreamThatDoesNotExistYetPrefersNothing() {
        // given
        ImageStreamImport request = ImageStreamImport.of("demo", "app", true)
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:1").to("arm"));

        // when / then
        assertThat(TargetPlatforms.of(request.getSpec(), Optional.empty())).containsExactly(PlatformPreference.NONE);
    }
}
