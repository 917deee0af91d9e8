package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.DIGEST;
import static io.imagestreams.stream.service.validation.ValidationFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.RepositoryImportSpec;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.LocalObjectReference;
import io.imagestreams.api.meta.ObjectReference;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageStreamImportValidatorTest {

    private final ImageStreamImportValidator validator = new ImageStreamImportValidator();

    @Nested
    class Spec {

        @Test
        void acceptsTheImportOcImportImageSends() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "approved-apache", true)
                    .withImage(ImageImportSpec.fromDockerImage("bitnami/apache:2.4").to("2.4"));

            // when / then
            assertThat(validator.validate(request)).isEmpty();
        }

        @Test
        void acceptsARepositoryImport() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "ruby", false);
            request.getSpec().setRepository(RepositoryImportSpec.fromDockerImage("registry.redhat.io/ubi9/ruby-33"));

            // when / then
            assertThat(validator.validate(request)).isEmpty();
        }

        static Stream<Arguments> badImages() {
            ImageImportSpec emptyTarget = ImageImportSpec.fromDockerImage("quay.io/demo/app:1");
            emptyTarget.setTo(new LocalObjectReference(""));
            ImageImportSpec otherKind = new ImageImportSpec();
            otherKind.setFrom(ObjectReference.of("ImageStreamTag", "app:1"));
            return Stream.of(
                    Arguments.of(ImageImportSpec.fromDockerImage("abc@badid"), List.of(
                            "spec.images[0].from.name: Invalid value: \"abc@badid\": invalid reference format")),
                    Arguments.of(ImageImportSpec.fromDockerImage(""),
                            List.of("spec.images[0].from.name: Required value")),
                    Arguments.of(emptyTarget, List.of("spec.images[0].to.name: Invalid value: \"\": the name of the"
                            + " target tag must be specified")),
                    Arguments.of(otherKind, List.of("spec.images[0].from.kind: Invalid value: \"ImageStreamTag\":"
                            + " only DockerImage is supported")),
                    Arguments.of(ImageImportSpec.fromDockerImage("quay.io/demo/app:1")
                                    .withImportPolicy(TagImportPolicy.of(false, false, "All")),
                            List.of("spec.images[0].importPolicy.importMode: Invalid value: \"All\": invalid import"
                                    + " mode, valid modes are '', 'Legacy', 'PreserveOriginal'")));
        }

        @ParameterizedTest
        @MethodSource("badImages")
        void explainsBadImages(ImageImportSpec image, List<String> expected) {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", true).withImage(image);

            // when / then
            assertThat(messages(validator.validate(request))).containsExactlyElementsOf(expected);
        }

        @Test
        void acceptsTheLegacyWildcardUncheckedImportPolicyIncluded() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", false)
                    .withImage(ImageImportSpec.fromDockerImage("*")
                            .withImportPolicy(TagImportPolicy.of(false, false, "Whatever")));

            // when / then
            assertThat(validator.validate(request)).isEmpty();
        }

        static Stream<Arguments> badRepositories() {
            RepositoryImportSpec otherKind = RepositoryImportSpec.fromDockerImage("app");
            otherKind.getFrom().setKind("ImageStreamImage");
            RepositoryImportSpec badMode = RepositoryImportSpec.fromDockerImage("quay.io/demo/app");
            badMode.setImportPolicy(TagImportPolicy.of(false, false, "x"));
            return Stream.of(
                    Arguments.of(RepositoryImportSpec.fromDockerImage(""), List.of("spec.repository.from.name:"
                            + " Required value: container image references require a name")),
                    Arguments.of(RepositoryImportSpec.fromDockerImage("quay.io/X"), List.of(
                            "spec.repository.from.name: Invalid value: \"quay.io/X\": repository name must be"
                                    + " lowercase")),
                    Arguments.of(RepositoryImportSpec.fromDockerImage("quay.io/demo/app:1"), List.of(
                            "spec.repository.from.name: Invalid value: \"quay.io/demo/app:1\": you must specify an"
                                    + " image repository, not a tag or ID")),
                    Arguments.of(RepositoryImportSpec.fromDockerImage("quay.io/demo/app@" + DIGEST), List.of(
                            "spec.repository.from.name: Invalid value: \"quay.io/demo/app@" + DIGEST + "\": you"
                                    + " must specify an image repository, not a tag or ID")),
                    Arguments.of(otherKind, List.of("spec.repository.from.kind: Invalid value:"
                            + " \"ImageStreamImage\": only DockerImage is supported")),
                    Arguments.of(badMode, List.of("spec.repository.importPolicy.importMode: Invalid value: \"x\":"
                            + " invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'")));
        }

        @ParameterizedTest
        @MethodSource("badRepositories")
        void explainsBadRepositories(RepositoryImportSpec repository, List<String> expected) {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", true);
            request.getSpec().setRepository(repository);

            // when / then
            assertThat(messages(validator.validate(request))).containsExactlyElementsOf(expected);
        }

        @Test
        void judgesANullImageAsAnEmptyOne() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", true);
            request.getSpec().getImages().add(null);

            // when / then
            assertThat(messages(validator.validate(request))).containsExactly(
                    "spec.images[0].from.kind: Invalid value: \"\": only DockerImage is supported");
        }

        @Test
        void requiresSomethingToImport() {
            // when
            List<FieldError> errors = validator.validate(ImageStreamImport.of("demo", "app", true));

            // then
            assertThat(messages(errors)).containsExactly(
                    "spec.images: Invalid value: null: you must specify at least one image or a repository import");
        }

        @Test
        void reportsSpecErrorsBeforeMetadataErrors() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "App", true)
                    .withImage(ImageImportSpec.fromDockerImage("bad@x"));

            // when
            List<FieldError> errors = validator.validate(request);

            // then
            assertThat(errors).extracting(FieldError::field).containsExactly("spec.images[0].from.name",
                    "metadata.name");
            assertThat(errors.get(1).detail()).isEqualTo("must match \"[a-z0-9]+(?:[._-][a-z0-9]+)*\"");
        }
    }

    @Nested
    class AllowedRegistryList {

        private final AllowedRegistries quayOnly = AllowedRegistries.of(List.of("quay.io"));

        @Test
        void acceptsImportsFromAllowedRegistries() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", true)
                    .withImage(ImageImportSpec.fromDockerImage("quay.io/demo/app:1"));
            request.getSpec().setRepository(RepositoryImportSpec.fromDockerImage("quay.io/demo/app"));

            // when / then
            assertThat(validator.validateAllowedRegistries(request, quayOnly)).isEmpty();
        }

        @Test
        void forbidsImportsFromOtherRegistriesNamingHostAndPort() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", true)
                    .withImage(ImageImportSpec.fromDockerImage("ghcr.io/demo/app:1"))
                    .withImage(ImageImportSpec.fromDockerImage("quay.io/demo/app:1"));
            request.getSpec().setRepository(RepositoryImportSpec.fromDockerImage("ruby"));

            // when
            List<FieldError> errors = validator.validateAllowedRegistries(request, quayOnly);

            // then
            assertThat(messages(errors)).containsExactly(
                    "spec.repository.from.name: Forbidden: importing images from registry \"docker.io:443\" is"
                            + " forbidden: registry \"docker.io:443\" not allowed by whitelist: \"quay.io:443\"",
                    "spec.images[0].from.name: Forbidden: importing images from registry \"ghcr.io:443\" is"
                            + " forbidden: registry \"ghcr.io:443\" not allowed by whitelist: \"quay.io:443\"");
        }

        @Test
        void usesPort80ForInsecureImports() {
            // given
            ImageStreamImport request = ImageStreamImport.of("demo", "app", true)
                    .withImage(ImageImportSpec.fromDockerImage("registry.local/demo/app:1")
                            .withImportPolicy(TagImportPolicy.of(true, false, null)));

            // when
            List<FieldError> errors = validator.validateAllowedRegistries(request, quayOnly);

            // then
            assertThat(errors).extracting(FieldError::detail).containsExactly("importing images from registry"
                    + " \"registry.local:80\" is forbidden: registry \"registry.local:80\" not allowed by whitelist:"
                    + " \"quay.io:443\"");
        }

        @ParameterizedTest
        @CsvSource({
                "'', false, docker.io:443",
                "docker.io, false, registry-1.docker.io:443",
                "index.docker.io, true, registry-1.docker.io:80",
                "quay.io:5000, false, quay.io:5000",
                "'[::1]:5000', true, '[::1]:5000'",
                "localhost, true, localhost:80"})
        void namesRegistriesAsLibraryGoDoes(String registry, boolean insecure, String hostPort) {
            // when / then
            assertThat(ImageStreamImportValidator.hostPort(registry, insecure)).isEqualTo(hostPort);
        }
    }
}
