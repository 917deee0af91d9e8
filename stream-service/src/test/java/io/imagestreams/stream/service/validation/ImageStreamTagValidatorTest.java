package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.CREATED;
import static io.imagestreams.stream.service.validation.ValidationFixtures.image;
import static io.imagestreams.stream.service.validation.ValidationFixtures.istag;
import static io.imagestreams.stream.service.validation.ValidationFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.TagEventCondition;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageStreamTagValidatorTest {

    private final ImageStreamTagValidator validator = new ImageStreamTagValidator();

    @Nested
    class Create {

        @Test
        void acceptsATagPointingAtARegistryImage() {
            // when / then
            assertThat(validator.validateCreate(istag("ruby", "3.3"))).isEmpty();
        }

        @Test
        void acceptsAnIstagWithoutTag() {
            // given
            ImageStreamTag istag = istag("ruby", "3.3");
            istag.setTag(null);

            // when / then
            assertThat(validator.validateCreate(istag)).isEmpty();
        }

        @Test
        void validatesTheTagReferenceUnderTag() {
            // given
            ImageStreamTag istag = istag("ruby", "latest");
            istag.setTag(TagReference.named("latest").fromImageStreamTag("3.3")
                    .withImportPolicy(TagImportPolicy.of(false, true, "Newest")).withReferencePolicy("Remote"));

            // when
            List<FieldError> errors = validator.validateCreate(istag);

            // then
            assertThat(messages(errors)).containsExactly(
                    "tag.importPolicy.scheduled: Invalid value: true: only tags pointing to Docker repositories may"
                            + " be scheduled for background import",
                    "tag.referencePolicy.type: Invalid value: \"Remote\": valid values are \"Source\", \"Local\"",
                    "tag.importPolicy.importMode: Invalid value: \"Newest\": invalid import mode, valid modes are"
                            + " '', 'Legacy', 'PreserveOriginal'");
        }

        @Test
        void requiresTagAnnotationsToBeAbsentOrEqualToMetadataAnnotations() {
            // given
            ImageStreamTag equal = istag("ruby", "3.3");
            equal.getMetadata().withAnnotation("version", "3.3");
            equal.getTag().withAnnotation("version", "3.3");
            ImageStreamTag different = istag("ruby", "3.3");
            different.getTag().withAnnotation("version", "3.3");

            // when / then
            assertThat(validator.validateCreate(equal)).isEmpty();
            assertThat(messages(validator.validateCreate(different))).containsExactly("tag.annotations: Invalid"
                    + " value: \"<map>\": tag annotations must not be provided or must be equal to the object meta"
                    + " annotations");
        }

        @Test
        void checksTheNameAsAPathSegmentOnly() {
            // given
            ImageStreamTag istag = istag("ruby", "3.3");
            istag.getMetadata().setName("ruby/3.3");

            // when / then
            assertThat(messages(validator.validateCreate(istag)))
                    .containsExactly("metadata.name: Invalid value: \"ruby/3.3\": may not contain '/'");
        }

        @Test
        void appliesTheAllowedRegistries() {
            // when
            List<FieldError> errors = validator.validateCreate(istag("ruby", "3.3"),
                    AllowedRegistries.of(List.of("registry.redhat.io")));

            // then
            assertThat(messages(errors)).containsExactly("tag.from.name: Forbidden: registry \"quay.io\" not allowed"
                    + " by whitelist: \"registry.redhat.io:443\"");
        }
    }

    @Nested
    class Update {

        @Test
        void acceptsNewAnnotationsTagLookupPolicyAndGeneration() {
            // given
            ImageStreamTag existing = storedIstag();
            ImageStreamTag updated = copy(existing);
            updated.getMetadata().withAnnotation("description", "Ruby 3.3");
            updated.setTag(TagReference.named("3.3").fromDockerImage("quay.io/demo/ruby:3.3.1"));
            updated.getLookupPolicy().setLocal(true);
            updated.setGeneration(7);

            // when / then
            assertThat(validator.validateUpdate(updated, existing)).isEmpty();
        }

        @Test
        void refusesChangesToAnythingElse() {
            // given
            ImageStreamTag existing = storedIstag();
            ImageStreamTag updated = copy(existing);
            updated.getMetadata().withLabel("tier", "web");

            // when
            List<FieldError> errors = validator.validateUpdate(updated, existing);

            // then
            assertThat(messages(errors)).containsExactly(
                    "metadata: Invalid value: \"\": may not update fields other than metadata.annotations");
        }

        @Test
        void refusesADifferentImageOrConditions() {
            // given
            ImageStreamTag existing = storedIstag();
            ImageStreamTag otherImage = copy(existing);
            otherImage.getImage().setDockerImageReference("quay.io/demo/other@" + ValidationFixtures.OTHER_DIGEST);
            ImageStreamTag otherConditions = copy(existing);
            otherConditions.getConditions().add(new TagEventCondition());

            // when / then
            assertThat(validator.validateUpdate(otherImage, existing)).extracting(FieldError::field)
                    .containsExactly("metadata");
            assertThat(validator.validateUpdate(otherConditions, existing)).extracting(FieldError::field)
                    .containsExactly("metadata");
        }

        @Test
        void checksMetadataIdentityAndTheNewTag() {
            // given
            ImageStreamTag existing = storedIstag();
            ImageStreamTag updated = copy(existing);
            updated.getMetadata().setResourceVersion("");
            updated.getTag().getFrom().setName("abc@badid");

            // when
            List<FieldError> errors = validator.validateUpdate(updated, existing);

            // then
            assertThat(messages(errors)).containsExactly(
                    "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
                    "tag.from.name: Invalid value: \"abc@badid\": invalid reference format",
                    "metadata: Invalid value: \"\": may not update fields other than metadata.annotations");
        }

        @Test
        void keepsAllowingTheRepositoryTheTagAlreadyTracks() {
            // given
            AllowedRegistries redHatOnly = AllowedRegistries.of(List.of("registry.redhat.io"));
            ImageStreamTag existing = storedIstag();
            ImageStreamTag sameRepository = copy(existing);
            sameRepository.getTag().getFrom().setName("quay.io/demo/ruby:3.3.2");
            ImageStreamTag otherRepository = copy(existing);
            otherRepository.getTag().getFrom().setName("quay.io/demo/python:3.12");

            // when / then
            assertThat(validator.validateUpdate(sameRepository, existing, redHatOnly)).isEmpty();
            assertThat(validator.validateUpdate(otherRepository, existing, redHatOnly))
                    .extracting(FieldError::field).containsExactly("tag.from.name");
        }

        private ImageStreamTag storedIstag() {
            ImageStreamTag istag = istag("ruby", "3.3");
            istag.getMetadata().withUid("3f1c9a52").withResourceVersion("42").withCreationTimestamp(CREATED);
            istag.setImage(image());
            return istag;
        }

        private ImageStreamTag copy(ImageStreamTag istag) {
            return ImageApiJson.deepCopy(istag);
        }
    }
}
