package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.copy;
import static io.imagestreams.stream.service.validation.ValidationFixtures.dockerTag;
import static io.imagestreams.stream.service.validation.ValidationFixtures.history;
import static io.imagestreams.stream.service.validation.ValidationFixtures.messages;
import static io.imagestreams.stream.service.validation.ValidationFixtures.phpStream;
import static io.imagestreams.stream.service.validation.ValidationFixtures.rubyStream;
import static io.imagestreams.stream.service.validation.ValidationFixtures.stored;
import static io.imagestreams.stream.service.validation.ValidationFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageDefaults;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageStreamValidatorTest {

    private final ImageStreamValidator validator = new ImageStreamValidator();

    @Nested
    class ValidStreams {

        @Test
        void acceptsTheCuratedRubyStream() {
            // when / then
            assertThat(validator.validateCreate(rubyStream())).isEmpty();
        }

        @Test
        void acceptsTheRubyStreamOnceDefaulted() {
            // when / then
            assertThat(validator.validateCreate(ImageDefaults.apply(rubyStream()))).isEmpty();
        }

        @Test
        void acceptsThePhpStreamWithItsHistory() {
            // when / then
            assertThat(validator.validateCreate(phpStream())).isEmpty();
            assertThat(validator.validateUpdate(phpStream(), phpStream())).isEmpty();
            assertThat(validator.validateStatusUpdate(phpStream(), phpStream())).isEmpty();
        }

        @Test
        void doesNotValidateTagNames() {
            // given tag names `oc tag` would refuse
            ImageStream stream = stream(dockerTag("Not A Tag!", "quay.io/demo/app:1"),
                    TagReference.named("").fromImageStreamTag("other:1"));

            // when / then
            assertThat(validator.validateCreate(stream)).isEmpty();
        }

        @Test
        void acceptsATagWithoutFrom() {
            // when / then
            assertThat(validator.validateCreate(stream(TagReference.named("empty")))).isEmpty();
        }
    }

    @Nested
    class Metadata {

        @Test
        void requiresNameAndNamespace() {
            // given
            ImageStream stream = new ImageStream();

            // when
            List<FieldError> errors = validator.validateCreate(stream);

            // then
            assertThat(messages(errors)).containsExactly(
                    "metadata.name: Required value: name or generateName is required",
                    "metadata.namespace: Required value");
        }

        static Stream<Arguments> badNames() {
            return Stream.of(
                    Arguments.of("Ruby", "metadata.name: Invalid value: \"Ruby\": must match"
                            + " \"[a-z0-9]+(?:[._-][a-z0-9]+)*\""),
                    Arguments.of("ruby-", "metadata.name: Invalid value: \"ruby-\": must match"
                            + " \"[a-z0-9]+(?:[._-][a-z0-9]+)*\""),
                    Arguments.of("a/b", "metadata.name: Invalid value: \"a/b\": may not contain '/'"),
                    Arguments.of("a%b", "metadata.name: Invalid value: \"a%b\": may not contain '%'"),
                    Arguments.of(".", "metadata.name: Invalid value: \".\": may not be '.'"),
                    Arguments.of("..", "metadata.name: Invalid value: \"..\": may not be '..'"));
        }

        @ParameterizedTest
        @MethodSource("badNames")
        void appliesOpenShiftsStreamNameRule(String name, String message) {
            // given
            ImageStream stream = ImageStream.of("demo", name);

            // when / then
            assertThat(messages(validator.validateCreate(stream))).containsExactly(message);
        }

        @Test
        void acceptsStreamNamesWithSeparators() {
            // when / then
            assertThat(validator.validateCreate(ImageStream.of("demo", "ruby-2.7_ubi8"))).isEmpty();
        }

        @Test
        void limitsNamespaceAndNameTogetherTo255Characters() {
            // given
            String namespace = "a".repeat(63);
            ImageStream fits = ImageStream.of(namespace, "b".repeat(191));
            ImageStream tooLong = ImageStream.of(namespace, "b".repeat(192));

            // when / then
            assertThat(validator.validateCreate(fits)).isEmpty();
            assertThat(messages(validator.validateCreate(tooLong))).containsExactly("metadata.name: Invalid value: \""
                    + "b".repeat(192) + "\": 'namespace/name' cannot be longer than 255 characters");
        }

        @Test
        void rejectsAnInvalidNamespace() {
            // when
            List<FieldError> errors = validator.validateCreate(ImageStream.of("my.ns", "app"));

            // then
            assertThat(messages(errors)).containsExactly(
                    "metadata.namespace: Invalid value: \"my.ns\": must not contain dots");
        }
    }

    @Nested
    class DockerImageRepository {

        static Stream<Arguments> badRepositories() {
            return Stream.of(
                    Arguments.of("abc@badid", List.of("spec.dockerImageRepository: Invalid value: \"abc@badid\":"
                            + " invalid reference format")),
                    Arguments.of("Quay.io/Demo", List.of("spec.dockerImageRepository: Invalid value:"
                            + " \"Quay.io/Demo\": repository name must be lowercase")),
                    Arguments.of("quay.io/demo/app:1", List.of("spec.dockerImageRepository: Invalid value:"
                            + " \"quay.io/demo/app:1\": the repository name may not contain a tag")),
                    Arguments.of("quay.io/demo/app@" + ValidationFixtures.DIGEST, List.of(
                            "spec.dockerImageRepository: Invalid value: \"quay.io/demo/app@"
                                    + ValidationFixtures.DIGEST + "\": the repository name may not contain an ID")),
                    Arguments.of("app:1@" + ValidationFixtures.DIGEST, List.of(
                            "spec.dockerImageRepository: Invalid value: \"app:1@" + ValidationFixtures.DIGEST
                                    + "\": the repository name may not contain a tag",
                            "spec.dockerImageRepository: Invalid value: \"app:1@" + ValidationFixtures.DIGEST
                                    + "\": the repository name may not contain an ID")));
        }

        @ParameterizedTest
        @MethodSource("badRepositories")
        void mustNameARepositoryOnly(String repository, List<String> expected) {
            // given
            ImageStream stream = stream();
            stream.getSpec().setDockerImageRepository(repository);

            // when / then
            assertThat(messages(validator.validateCreate(stream))).containsExactlyElementsOf(expected);
        }

        @Test
        void acceptsARepository() {
            // given
            ImageStream stream = stream();
            stream.getSpec().setDockerImageRepository("quay.io/demo/app");

            // when / then
            assertThat(validator.validateCreate(stream)).isEmpty();
        }
    }

    @Nested
    class SpecTags {

        static Stream<Arguments> badTags() {
            return Stream.of(
                    Arguments.of(TagReference.named("t").from("DockerImage", ""),
                            List.of("spec.tags[t].from.name: Required value")),
                    Arguments.of(dockerTag("t", "abc@badid"),
                            List.of("spec.tags[t].from.name: Invalid value: \"abc@badid\": invalid reference format")),
                    Arguments.of(TagReference.named("t").fromImageStreamTag("other:1")
                                    .withImportPolicy(TagImportPolicy.of(false, true, null)),
                            List.of("spec.tags[t].importPolicy.scheduled: Invalid value: true: only tags pointing to"
                                    + " Docker repositories may be scheduled for background import")),
                    Arguments.of(TagReference.named("t").fromImageStreamImage("other@sha256:abc")
                                    .withImportPolicy(TagImportPolicy.of(false, true, null)),
                            List.of("spec.tags[t].importPolicy.scheduled: Invalid value: true: only tags pointing to"
                                    + " Docker repositories may be scheduled for background import")),
                    Arguments.of(TagReference.named("t").from("ImageStream", "other"),
                            List.of("spec.tags[t].from.kind: Required value: valid values are 'DockerImage',"
                                    + " 'ImageStreamImage', 'ImageStreamTag'")),
                    Arguments.of(TagReference.named("t").from(null, ""),
                            List.of("spec.tags[t].from.name: Required value",
                                    "spec.tags[t].from.kind: Required value: valid values are 'DockerImage',"
                                            + " 'ImageStreamImage', 'ImageStreamTag'")),
                    Arguments.of(dockerTag("t", "quay.io/demo/app:1").withReferencePolicy("Other"),
                            List.of("spec.tags[t].referencePolicy.type: Invalid value: \"Other\": valid values are"
                                    + " \"Source\", \"Local\"")),
                    Arguments.of(dockerTag("t", "quay.io/demo/app:1")
                                    .withImportPolicy(TagImportPolicy.of(false, false, "X")),
                            List.of("spec.tags[t].importPolicy.importMode: Invalid value: \"X\": invalid import mode,"
                                    + " valid modes are '', 'Legacy', 'PreserveOriginal'")));
        }

        @ParameterizedTest
        @MethodSource("badTags")
        void reportsTagErrorsKeyedByTagName(TagReference tag, List<String> expected) {
            // when / then
            assertThat(messages(validator.validateCreate(stream(tag)))).containsExactlyElementsOf(expected);
        }

        @Test
        void acceptsEveryKnownPolicyValue() {
            // given
            ImageStream stream = stream(
                    dockerTag("a", "quay.io/demo/app:1").withReferencePolicy("Local")
                            .withImportPolicy(TagImportPolicy.of(true, true, "PreserveOriginal")),
                    dockerTag("b", "quay.io/demo/app:2").withReferencePolicy("Source")
                            .withImportPolicy(TagImportPolicy.of(false, false, "Legacy")),
                    dockerTag("c", "quay.io/demo/app:3").withReferencePolicy("")
                            .withImportPolicy(TagImportPolicy.of(false, false, "")));

            // when / then
            assertThat(validator.validateCreate(stream)).isEmpty();
        }

        @Test
        void listsTagsAlphabetically() {
            // given
            ImageStream stream = stream(dockerTag("zeta", "bad@x"), dockerTag("alpha", "bad@y"),
                    dockerTag("mid", "quay.io/demo/app:1"));

            // when
            List<FieldError> errors = validator.validateCreate(stream);

            // then
            assertThat(errors).extracting(FieldError::field)
                    .containsExactly("spec.tags[alpha].from.name", "spec.tags[zeta].from.name");
        }

        @Test
        void judgesTheLastOfRepeatedTagNames() {
            // given
            ImageStream stream = stream(dockerTag("latest", "bad@x"), dockerTag("latest", "quay.io/demo/app:1"));

            // when / then
            assertThat(validator.validateCreate(stream)).isEmpty();
        }
    }

    @Nested
    class StatusItems {

        @Test
        void requireAParseablePullSpec() {
            // given
            ImageStream stream = stream();
            stream.withStatusTag(history("latest", "quay.io/demo/app@" + ValidationFixtures.DIGEST, "", "not valid"));

            // when
            List<FieldError> errors = validator.validateCreate(stream);

            // then
            assertThat(messages(errors)).containsExactly(
                    "status.tags[latest].items[1].dockerImageReference: Required value",
                    "status.tags[latest].items[2].dockerImageReference: Invalid value: \"not valid\": invalid"
                            + " reference format");
        }
    }

    @Nested
    class NullsInLists {

        @Test
        void areJudgedAsEmptyValuesAsGoReadsThem() throws Exception {
            // given
            ImageStream stream = ImageApiJson.newObjectMapper().readValue("""
                    {"metadata": {"name": "app", "namespace": "demo"},
                     "spec": {"tags": [null]},
                     "status": {"tags": [null, {"tag": "t", "items": [null]}]}}
                    """, ImageStream.class);

            // when
            List<FieldError> errors = validator.validateCreate(stream);

            // then
            assertThat(messages(errors))
                    .containsExactly("status.tags[t].items[0].dockerImageReference: Required value");
        }
    }

    @Nested
    class SpecTagLimit {

        @Test
        void allowsTheDefaultOfAThousandTags() {
            // given
            ImageStream stream = streamWithTags(1000);

            // when / then
            assertThat(validator.validateCreate(stream)).isEmpty();
        }

        @Test
        void refusesMoreTagsWithKubernetesTooManyWording() {
            // given
            ImageStream stream = streamWithTags(1001);

            // when
            List<FieldError> errors = validator.validateCreate(stream);

            // then
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("spec.tags");
                assertThat(error.type()).isEqualTo(io.imagestreams.api.meta.FieldErrorType.TOO_MANY);
                assertThat(error.badValue()).isEqualTo(1001);
                assertThat(error.detail()).isEqualTo("must have at most 1000 items");
            });
        }

        @Test
        void countsDistinctTagNames() {
            // given
            ImageStream stream = stream(dockerTag("a", "quay.io/demo/app:1"), dockerTag("a", "quay.io/demo/app:2"));

            // when / then
            assertThat(new ImageStreamValidator(1).validateCreate(stream)).isEmpty();
        }

        @Test
        void usesTheConfiguredLimit() {
            // given
            ImageStream stream = streamWithTags(2);

            // when
            List<FieldError> errors = new ImageStreamValidator(1).validateCreate(stream);

            // then
            assertThat(errors).extracting(FieldError::detail).containsExactly("must have at most 1 item");
        }

        @Test
        void letsAStreamAboveALoweredLimitShrinkButNotGrow() {
            // given
            ImageStreamValidator lowered = new ImageStreamValidator(2);
            ImageStream existing = stored(streamWithTags(4));
            ImageStream shrunk = copy(existing);
            shrunk.getSpec().getTags().remove(0);
            ImageStream grown = copy(existing);
            grown.withSpecTag(dockerTag("extra", "quay.io/demo/app:extra"));

            // when / then
            assertThat(lowered.validateUpdate(shrunk, existing)).isEmpty();
            assertThat(lowered.validateUpdate(grown, existing)).extracting(FieldError::field)
                    .containsExactly("spec.tags");
        }

        @Test
        void refusesANegativeLimit() {
            // when / then
            assertThatThrownBy(() -> new ImageStreamValidator(-1)).isInstanceOf(IllegalArgumentException.class);
        }

        private static ImageStream streamWithTags(int count) {
            return stream(IntStream.range(0, count)
                    .mapToObj(i -> dockerTag("t" + i, "quay.io/demo/app:" + i))
                    .toArray(TagReference[]::new));
        }
    }

    @Nested
    class AllowedRegistryList {

        private final AllowedRegistries quayOnly = AllowedRegistries.of(List.of("quay.io"));

        @Test
        void acceptsPullSpecsFromAllowedRegistries() {
            // given
            ImageStream stream = stream(dockerTag("a", "quay.io/demo/app:1"));

            // when / then
            assertThat(validator.validateCreate(stream, quayOnly)).isEmpty();
        }

        @Test
        void forbidsOtherRegistriesInSpecTags() {
            // given
            ImageStream stream = stream(dockerTag("a", "registry.redhat.io/ubi9/ruby-33:latest"),
                    dockerTag("b", "ruby:3.3"), TagReference.named("c").fromImageStreamTag("a"));

            // when
            List<FieldError> errors = validator.validateCreate(stream, quayOnly);

            // then
            assertThat(messages(errors)).containsExactly(
                    "spec.tags[a].from.name: Forbidden: registry \"registry.redhat.io\" not allowed by whitelist:"
                            + " \"quay.io:443\"",
                    "spec.tags[b].from.name: Forbidden: registry \"docker.io:443\" not allowed by whitelist:"
                            + " \"quay.io:443\"");
        }

        @Test
        void namesDockerHubWithoutPortForInsecureTags() {
            // given
            ImageStream stream = stream(dockerTag("a", "ruby:3.3")
                    .withImportPolicy(TagImportPolicy.of(true, false, null)));

            // when / then
            assertThat(messages(validator.validateCreate(stream, quayOnly))).containsExactly(
                    "spec.tags[a].from.name: Forbidden: registry \"docker.io\" not allowed by whitelist:"
                            + " \"quay.io:443\"");
        }

        @Test
        void checksTheRepositoryAndStatusToo() {
            // given
            ImageStream stream = stream();
            stream.getSpec().setDockerImageRepository("ghcr.io/demo/app");
            stream.withStatusTag(history("latest", "ghcr.io/demo/app@" + ValidationFixtures.DIGEST));

            // when
            List<FieldError> errors = validator.validateCreate(stream, quayOnly);

            // then
            assertThat(errors).extracting(FieldError::field).containsExactly("spec.dockerImageRepository",
                    "status.tags[latest].items[0].dockerImageReference");
        }

        @Test
        void keepsAllowingRepositoriesTheStoredStreamAlreadyUses() {
            // given a stream written before the list was tightened
            ImageStream existing = stored(stream(dockerTag("a", "ghcr.io/demo/app:1")));
            existing.withStatusTag(history("a", "docker.io/library/ruby@" + ValidationFixtures.DIGEST));
            ImageStream updated = copy(existing);
            updated.withSpecTag(dockerTag("b", "ghcr.io/demo/app:2"));
            updated.withSpecTag(dockerTag("c", "ruby:3.4"));
            updated.withSpecTag(dockerTag("d", "ghcr.io/demo/other:1"));

            // when
            List<FieldError> errors = validator.validateUpdate(updated, existing, quayOnly);

            // then
            assertThat(messages(errors)).containsExactly("spec.tags[d].from.name: Forbidden: registry \"ghcr.io\" not"
                    + " allowed by whitelist: \"quay.io:443\"");
        }

        @Test
        void treatsTheInsecureRepositoryAnnotationAsInsecureForEveryTag() {
            // given
            ImageStream stream = stream(dockerTag("a", "ruby:3.3"));
            stream.getMetadata().withAnnotation(ImageAnnotations.INSECURE_REPOSITORY, "true");

            // when
            List<FieldError> errors = validator.validateCreate(stream, quayOnly);

            // then
            assertThat(errors).extracting(FieldError::detail).containsExactly(
                    "registry \"docker.io\" not allowed by whitelist: \"quay.io:443\"");
        }
    }

    @Nested
    class Update {

        @Test
        void checksMetadataIdentityAndTheWholeStream() {
            // given
            ImageStream existing = stored(stream(dockerTag("a", "quay.io/demo/app:1")));
            ImageStream updated = copy(existing);
            updated.getMetadata().setUid("changed");
            updated.withSpecTag(dockerTag("b", "bad@x"));

            // when
            List<FieldError> errors = validator.validateUpdate(updated, existing);

            // then
            assertThat(messages(errors)).containsExactly(
                    "metadata.uid: Invalid value: \"changed\": field is immutable",
                    "spec.tags[b].from.name: Invalid value: \"bad@x\": invalid reference format");
        }
    }

    @Nested
    class StatusUpdate {

        @Test
        void checksOnlyPullSpecsTheStoredStreamDoesNotHold() {
            // given a stored history entry that no longer parses, and new entries
            ImageStream existing = stored(stream(dockerTag("latest", "quay.io/demo/app:1")));
            existing.withStatusTag(history("old", "legacy entry"));
            ImageStream updated = copy(existing);
            updated.withStatusTag(history("latest", "quay.io/demo/app@" + ValidationFixtures.DIGEST, "", "bad@x"));

            // when
            List<FieldError> errors = validator.validateStatusUpdate(updated, existing);

            // then
            assertThat(messages(errors)).containsExactly(
                    "status.tags[latest].items[1].dockerImageReference: Invalid value: \"\": repository name must"
                            + " have at least one component",
                    "status.tags[latest].items[2].dockerImageReference: Invalid value: \"bad@x\": invalid"
                            + " reference format");
        }

        @Test
        void forbidsNewPullSpecsFromOtherRegistries() {
            // given
            ImageStream existing = stored(stream(dockerTag("latest", "ghcr.io/demo/app:1")));
            existing.withStatusTag(history("latest", "ghcr.io/demo/app@" + ValidationFixtures.DIGEST));
            ImageStream updated = copy(existing);
            updated.getStatus().getTags().get(0).getItems().add(0, history("latest",
                    "ghcr.io/demo/app@" + ValidationFixtures.OTHER_DIGEST).getItems().get(0));

            // when
            List<FieldError> errors = validator.validateStatusUpdate(updated, existing,
                    AllowedRegistries.of(List.of("quay.io")));

            // then
            assertThat(messages(errors)).containsExactly("status.tags[latest].items[0].dockerImageReference:"
                    + " Forbidden: registry \"ghcr.io\" not allowed by whitelist: \"quay.io:443\"");
        }

        @Test
        void ignoresTheSpec() {
            // given
            ImageStream existing = stored(stream());
            ImageStream updated = copy(existing);
            updated.withSpecTag(dockerTag("a", "bad@x"));

            // when / then
            assertThat(validator.validateStatusUpdate(updated, existing)).isEmpty();
        }

        @Test
        void keepsTheIdentityOfTheStream() {
            // given
            ImageStream existing = stored(stream());
            ImageStream updated = copy(existing);
            updated.setMetadata(ObjectMeta.of("demo", "renamed").withResourceVersion("42").withGeneration(1)
                    .withUid(existing.getMetadata().getUid())
                    .withCreationTimestamp(existing.getMetadata().getCreationTimestamp()));

            // when / then
            assertThat(messages(validator.validateStatusUpdate(updated, existing)))
                    .containsExactly("metadata.name: Invalid value: \"renamed\": field is immutable");
        }
    }
}
