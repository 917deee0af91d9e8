package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.CREATED;
import static io.imagestreams.stream.service.validation.ValidationFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.OwnerReference;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectMetaValidatorTest {

    private final ObjectMetaValidator validator = new ObjectMetaValidator();

    @Test
    void acceptsOrdinaryMetadata() {
        // given
        ObjectMeta meta = ObjectMeta.of("demo", "app").withLabel("app", "ruby-sample-build")
                .withAnnotation("openshift.io/generated-by", "OpenShiftNewApp");

        // when / then
        assertThat(validator.validate(meta, true, NameRule.PATH_SEGMENT)).isEmpty();
    }

    @Test
    void requiresANameAndANamespace() {
        // when
        List<FieldError> errors = validator.validate(new ObjectMeta(), true, NameRule.PATH_SEGMENT);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.name: Required value: name or generateName is required",
                "metadata.namespace: Required value");
    }

    @Test
    void checksTheNamespaceAsADnsLabel() {
        // when
        List<FieldError> errors = validator.validate(ObjectMeta.of("My_NS", "app"), true, NameRule.PATH_SEGMENT);

        // then
        assertThat(messages(errors)).containsExactly("metadata.namespace: Invalid value: \"My_NS\": a lowercase RFC"
                + " 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with"
                + " an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    void forbidsANamespaceOnClusterScopedObjects() {
        // when
        List<FieldError> errors = validator.validate(ObjectMeta.of("demo", "sha256:abc"), false,
                NameRule.PATH_SEGMENT);

        // then
        assertThat(messages(errors)).containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    }

    @Test
    void appliesTheNameRuleToNameAndGenerateName() {
        // given
        ObjectMeta meta = ObjectMeta.of("demo", "a/b");
        meta.setGenerateName("x%");

        // when
        List<FieldError> errors = validator.validate(meta, true, NameRule.PATH_SEGMENT);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.generateName: Invalid value: \"x%\": may not contain '%'",
                "metadata.name: Invalid value: \"a/b\": may not contain '/'");
    }

    @Test
    void rejectsANegativeGeneration() {
        // when
        List<FieldError> errors = validator.validate(ObjectMeta.of("demo", "app").withGeneration(-1), true,
                NameRule.PATH_SEGMENT);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.generation: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void reportsLabelErrorsOnTheWholeMapInKeyOrder() {
        // given
        ObjectMeta meta = ObjectMeta.of("demo", "app").withLabel("z", "bad value").withLabel("-a", "ok");

        // when
        List<FieldError> errors = validator.validate(meta, true, NameRule.PATH_SEGMENT);

        // then
        assertThat(errors).extracting(FieldError::field).containsOnly("metadata.labels");
        assertThat(errors).extracting(FieldError::badValue).containsExactly("-a", "bad value");
        assertThat(errors.get(1).detail()).startsWith("a valid label must be an empty string");
    }

    @Test
    void checksAnnotationKeysIgnoringCase() {
        // given
        ObjectMeta meta = ObjectMeta.of("demo", "app").withAnnotation("Example.COM/Display", "x")
                .withAnnotation("bad key", "x");

        // when
        List<FieldError> errors = validator.validate(meta, true, NameRule.PATH_SEGMENT);

        // then
        assertThat(errors).extracting(FieldError::field, FieldError::badValue)
                .containsExactly(tuple("metadata.annotations", "bad key"));
    }

    @Test
    void limitsAnnotationsToAQuarterMebibyte() {
        // given 262,145 bytes of keys and values
        ObjectMeta fits = ObjectMeta.of("demo", "app").withAnnotation("k", "v".repeat(256 * 1024 - 1));
        ObjectMeta tooBig = ObjectMeta.of("demo", "app").withAnnotation("k", "v".repeat(256 * 1024));

        // when / then
        assertThat(validator.validate(fits, true, NameRule.PATH_SEGMENT)).isEmpty();
        assertThat(messages(validator.validate(tooBig, true, NameRule.PATH_SEGMENT))).containsExactly(
                "metadata.annotations: Too long: may not be more than 262144 bytes");
    }

    @Test
    void checksOwnerReferences() {
        // given
        OwnerReference incomplete = new OwnerReference();
        OwnerReference event = owner("v1", "Event", "e", true);
        OwnerReference secondController = owner("apps/v1", "Deployment", "web", true);
        ObjectMeta meta = ObjectMeta.of("demo", "app");
        meta.setOwnerReferences(List.of(incomplete, event, secondController));

        // when
        List<FieldError> errors = validator.validate(meta, true, NameRule.PATH_SEGMENT);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.name: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences: Invalid value: {\"apiVersion\":\"v1\",\"kind\":\"Event\",\"name\":\"e\","
                        + "\"uid\":\"u-e\",\"controller\":true}: /v1, Kind=Event is disallowed from being an owner",
                "metadata.ownerReferences: Invalid value: [{\"apiVersion\":\"\",\"kind\":\"\",\"name\":\"\","
                        + "\"uid\":\"\"},{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"name\":\"e\",\"uid\":\"u-e\","
                        + "\"controller\":true},{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\","
                        + "\"uid\":\"u-web\",\"controller\":true}]: Only one reference can have Controller set to"
                        + " true. Found \"true\" in references for Event/e and Deployment/web");
    }

    @Test
    void checksFinalizers() {
        // given
        ObjectMeta meta = ObjectMeta.of("demo", "app");
        meta.setFinalizers(List.of("orphan", "foregroundDeletion", "bad finalizer"));

        // when
        List<FieldError> errors = validator.validate(meta, true, NameRule.PATH_SEGMENT);

        // then
        assertThat(errors).extracting(FieldError::field).containsOnly("metadata.finalizers");
        assertThat(messages(errors)).last().isEqualTo("metadata.finalizers: Invalid value:"
                + " [\"orphan\",\"foregroundDeletion\",\"bad finalizer\"]: finalizer orphan and foregroundDeletion"
                + " cannot be both set");
        assertThat(errors.get(0).badValue()).isEqualTo("bad finalizer");
    }

    @Test
    void acceptsAnUpdateThatKeepsTheIdentity() {
        // given
        ObjectMeta existing = stored();
        ObjectMeta updated = stored().withLabel("tier", "web").withAnnotation("note", "changed");

        // when / then
        assertThat(validator.validateUpdate(updated, existing)).isEmpty();
    }

    @Test
    void reportsEveryImmutableFieldThatChanged() {
        // given
        ObjectMeta existing = stored();
        ObjectMeta updated = ObjectMeta.of("other-ns", "x").withUid("another-uid").withResourceVersion("7")
                .withGeneration(3).withCreationTimestamp(Instant.parse("2020-05-12T07:00:07Z"));
        updated.setDeletionTimestamp(Instant.parse("2020-05-13T00:00:00Z"));
        updated.setDeletionGracePeriodSeconds(30L);

        // when
        List<FieldError> errors = validator.validateUpdate(updated, existing);

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.name: Invalid value: \"x\": field is immutable",
                "metadata.namespace: Invalid value: \"other-ns\": field is immutable",
                "metadata.uid: Invalid value: \"another-uid\": field is immutable",
                "metadata.creationTimestamp: Invalid value: \"2020-05-12T07:00:07Z\": field is immutable",
                "metadata.deletionTimestamp: Invalid value: \"2020-05-13T00:00:00Z\": field is immutable",
                "metadata.deletionGracePeriodSeconds: Invalid value: 30: field is immutable");
    }

    @Test
    void comparesTimestampsAtTheSecondsTheApiWrites() {
        // given
        ObjectMeta updated = stored().withCreationTimestamp(CREATED.plusMillis(250));

        // when / then
        assertThat(validator.validateUpdate(updated, stored())).isEmpty();
    }

    @Test
    void requiresAResourceVersionAndANonDecreasingGeneration() {
        // given
        ObjectMeta updated = stored().withResourceVersion(null).withGeneration(1);

        // when
        List<FieldError> errors = validator.validateUpdate(updated, stored());

        // then
        assertThat(messages(errors)).containsExactly(
                "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
                "metadata.generation: Invalid value: 1: must not be decremented");
    }

    @Test
    void forbidsNewFinalizersWhileTheObjectIsBeingDeleted() {
        // given
        ObjectMeta existing = stored();
        existing.setDeletionTimestamp(CREATED);
        existing.setFinalizers(List.of("keep"));
        ObjectMeta updated = stored();
        updated.setDeletionTimestamp(CREATED);
        updated.setFinalizers(List.of("keep", "b.io/second", "a.io/first"));

        // when
        List<FieldError> errors = validator.validateUpdate(updated, existing);

        // then
        assertThat(messages(errors)).containsExactly("metadata.finalizers: Forbidden: no new finalizers can be added"
                + " if the object is being deleted, found new finalizers []string{\"a.io/first\", \"b.io/second\"}");
    }

    @Test
    void stillChecksLabelsOnUpdate() {
        // given
        ObjectMeta updated = stored().withLabel("app", "not valid");

        // when / then
        assertThat(validator.validateUpdate(updated, stored())).extracting(FieldError::field)
                .containsExactly("metadata.labels");
    }

    private static ObjectMeta stored() {
        return ObjectMeta.of("demo", "app").withUid("3f1c9a52").withResourceVersion("42").withGeneration(2)
                .withCreationTimestamp(CREATED);
    }

    private static OwnerReference owner(String apiVersion, String kind, String name, boolean controller) {
        OwnerReference reference = new OwnerReference();
        reference.setApiVersion(apiVersion);
        reference.setKind(kind);
        reference.setName(name);
        reference.setUid("u-" + name);
        reference.setController(controller);
        return reference;
    }
}
