package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.DIGEST;
import static io.imagestreams.stream.service.validation.ValidationFixtures.image;
import static io.imagestreams.stream.service.validation.ValidationFixtures.messages;
import static io.imagestreams.stream.service.validation.ValidationFixtures.originRubySampleMapping;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageLayer;
import io.imagestreams.api.image.ImageManifest;
import io.imagestreams.api.image.ImageStreamMapping;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageStreamMappingValidatorTest {

    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private final ImageStreamMappingValidator validator = new ImageStreamMappingValidator();

    @Test
    void acceptsTheMappingTheRegistrySendsAfterAPush() {
        // when / then
        assertThat(validator.validate(originRubySampleMapping())).isEmpty();
    }

    @Test
    void acceptsAManifestList() {
        // given
        Image index = image();
        index.setDockerImageManifestMediaType(OCI_INDEX);
        index.setDockerImageManifests(List.of(ImageManifest.of(DIGEST, OCI_MANIFEST, 1024, "amd64", "linux")));

        // when / then
        assertThat(validator.validate(ImageStreamMapping.of("demo", "app", "latest", index))).isEmpty();
    }

    @Test
    void reportsAMissingNameThreeTimesAsOpenShiftDoes() {
        // given
        ImageStreamMapping mapping = ImageStreamMapping.of("demo", "", "latest", image());

        // when
        List<FieldError> errors = validator.validate(mapping);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.name: Required value: name or generateName is required",
                "name: Required value",
                "dockerImageRepository: Required value");
    }

    @Test
    void reportsAMissingNamespaceAsRequiredAndInvalid() {
        // given
        ImageStreamMapping mapping = ImageStreamMapping.of(null, "app", "latest", image());

        // when
        List<FieldError> errors = validator.validate(mapping);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.namespace: Required value",
                "metadata.namespace: Invalid value: \"\": a lowercase RFC 1123 label must consist of lower case"
                        + " alphanumeric characters or '-', and must start and end with an alphanumeric character"
                        + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    void requiresATag() {
        // when
        List<FieldError> errors = validator.validate(ImageStreamMapping.of("demo", "app", "", image()));

        // then
        assertThat(messages(errors)).containsExactly("tag: Required value");
    }

    @Test
    void onlyChecksTheStreamNameAsAPathSegment() {
        // when
        List<FieldError> errors = validator.validate(ImageStreamMapping.of("demo", "Not_A_Stream", "v1", image()));

        // then
        assertThat(errors).isEmpty();
    }

    static Stream<Arguments> badImages() {
        Image noReference = Image.named(DIGEST);
        Image badReference = Image.named(DIGEST).withDockerImageReference("abc@badid");
        Image unnamed = new Image().withDockerImageReference("quay.io/demo/app@" + DIGEST);
        Image namespaced = image();
        namespaced.setMetadata(ObjectMeta.of("demo", DIGEST));
        return Stream.of(
                Arguments.of(noReference, List.of("image.dockerImageReference: Required value")),
                Arguments.of(badReference, List.of("image.dockerImageReference: Invalid value: \"abc@badid\":"
                        + " invalid reference format")),
                Arguments.of(unnamed, List.of("image.metadata.name: Required value: name or generateName is"
                        + " required")),
                Arguments.of(namespaced, List.of("image.metadata.namespace: Forbidden: not allowed on this type")));
    }

    @ParameterizedTest
    @MethodSource("badImages")
    void validatesTheImageUnderImage(Image image, List<String> expected) {
        // when
        List<FieldError> errors = validator.validate(ImageStreamMapping.of("demo", "app", "latest", image));

        // then
        assertThat(messages(errors)).containsExactlyElementsOf(expected);
    }

    @Test
    void checksEveryChildManifest() {
        // given
        Image index = image();
        index.setDockerImageManifests(List.of(
                ImageManifest.of("sha256:short", "not a media type", -1, "", ""),
                ImageManifest.of(DIGEST, " " + OCI_MANIFEST + " ", 0, "arm64", "linux")));

        // when
        List<FieldError> errors = validator.validate(ImageStreamMapping.of("demo", "app", "latest", index));

        // then
        assertThat(messages(errors)).containsExactly(
                "image.dockerImageManifests[0].digest: Invalid value: \"sha256:short\": digest does not conform with"
                        + " OCI image specification",
                "image.dockerImageManifests[0].mediaType: Invalid value: \"not a media type\": media type does not"
                        + " conform to RFC6838",
                "image.dockerImageManifests[0].architecture: Required value",
                "image.dockerImageManifests[0].os: Required value",
                "image.dockerImageManifests[0].size: Invalid value: -1: manifest size cannot be negative");
    }

    @Test
    void refusesLayersNextToChildManifests() {
        // given
        Image index = image();
        index.setDockerImageManifests(List.of(ImageManifest.of(DIGEST, OCI_MANIFEST, 1024, "amd64", "linux")));
        index.setDockerImageLayers(List.of(new ImageLayer("sha256:5f70", 0, "application/vnd.oci.image.layer.v1.tar")));

        // when
        List<FieldError> errors = validator.validate(ImageStreamMapping.of("demo", "app", "latest", index));

        // then
        assertThat(messages(errors)).containsExactly("image.dockerImageLayers: Invalid value:"
                + " [{\"Name\":\"sha256:5f70\",\"LayerSize\":0,"
                + "\"MediaType\":\"application/vnd.oci.image.layer.v1.tar\"}]: dockerImageLayers should not be set"
                + " when dockerImageManifests is set");
    }

    @Test
    void acceptsLayersOnSinglePlatformImages() {
        // given
        Image single = image();
        single.setDockerImageLayers(List.of(new ImageLayer("sha256:5f70", 10, OCI_MANIFEST)));

        // when / then
        assertThat(validator.validate(ImageStreamMapping.of("demo", "app", "latest", single))).isEmpty();
    }
}
