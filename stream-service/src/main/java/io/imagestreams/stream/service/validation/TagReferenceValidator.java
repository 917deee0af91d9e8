package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.image.TagReferencePolicy;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectReference;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenShift's {@code ValidateImageStreamTagReference} and {@code ValidateImportPolicy}: one spec tag, wherever it
 * is embedded ({@code spec.tags[<tag>]} of a stream, {@code tag} of an ImageStreamTag). The tag name itself is not
 * checked, as OpenShift does not check it.
 */
final class TagReferenceValidator {

    static final String SCHEDULED_ONLY_FOR_DOCKER_IMAGES =
            "only tags pointing to Docker repositories may be scheduled for background import";
    static final String VALID_KINDS = "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'";
    static final String VALID_REFERENCE_POLICIES = "valid values are \"Source\", \"Local\"";
    static final String VALID_IMPORT_MODES = "invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'";

    private TagReferenceValidator() {
    }

    static List<FieldError> validate(TagReference tag, FieldPath path, boolean insecureRepository,
            RegistryAdmission admission) {
        List<FieldError> errors = new ArrayList<>();
        if (tag.getFrom() != null) {
            errors.addAll(from(tag, path, insecureRepository, admission));
        }
        String referencePolicy = tag.getReferencePolicy().getType();
        // "" is what defaulting turns into Source, so it is accepted whether or not defaults were applied yet
        if (!referencePolicy.isEmpty() && !referencePolicy.equals(TagReferencePolicy.SOURCE)
                && !referencePolicy.equals(TagReferencePolicy.LOCAL)) {
            errors.add(FieldError.invalid(path.child("referencePolicy", "type").toString(), referencePolicy,
                    VALID_REFERENCE_POLICIES));
        }
        errors.addAll(importPolicy(tag.getImportPolicy(), path.child("importPolicy")));
        return errors;
    }

    /** {@code ValidateImportPolicy}: only the import mode has a closed set of values. */
    static List<FieldError> importPolicy(TagImportPolicy policy, FieldPath path) {
        String mode = policy.getImportMode();
        if (mode == null || mode.isEmpty() || mode.equals(TagImportPolicy.LEGACY)
                || mode.equals(TagImportPolicy.PRESERVE_ORIGINAL)) {
            return List.of();
        }
        return List.of(FieldError.invalid(path.child("importMode").toString(), mode, VALID_IMPORT_MODES));
    }

    private static List<FieldError> from(TagReference tag, FieldPath path, boolean insecureRepository,
            RegistryAdmission admission) {
        List<FieldError> errors = new ArrayList<>();
        ObjectReference from = tag.getFrom();
        String name = ZeroValues.orEmpty(from.getName());
        FieldPath namePath = path.child("from", "name");
        if (name.isEmpty()) {
            errors.add(FieldError.required(namePath.toString()));
        }
        String kind = ZeroValues.orEmpty(from.getKind());
        switch (kind) {
            case ImageApi.KIND_DOCKER_IMAGE -> {
                // OpenShift also runs an empty name through the allow-list (as Docker Hub); Required says enough
                if (!name.isEmpty()) {
                    boolean insecure = insecureRepository || tag.getImportPolicy().isInsecure();
                    PullSpecs.parse(name, namePath, errors)
                            .flatMap(reference -> admission.rejection(reference, insecure))
                            .ifPresent(rejection -> errors.add(FieldError.forbidden(namePath.toString(), rejection)));
                }
            }
            case ImageApi.KIND_IMAGE_STREAM_IMAGE, ImageApi.KIND_IMAGE_STREAM_TAG -> {
                if (tag.getImportPolicy().isScheduled()) {
                    errors.add(FieldError.invalid(path.child("importPolicy", "scheduled").toString(), true,
                            SCHEDULED_ONLY_FOR_DOCKER_IMAGES));
                }
            }
            default -> errors.add(FieldError.required(path.child("from", "kind").toString(), VALID_KINDS));
        }
        return errors;
    }
}
