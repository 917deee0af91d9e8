package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * OpenShift's {@code ValidateImageStreamTag} and {@code ValidateImageStreamTagUpdate}. The name is only checked
 * to be a path segment; split it with {@link ImageStreamTagName#parse} first, which answers 400 for other forms.
 *
 * <p>As in OpenShift, an update is validated after the server has prepared it: {@code tag.annotations} set to
 * {@code metadata.annotations}, {@code image} and {@code conditions} copied from the stored istag, and the
 * server-owned metadata ({@code uid}, {@code creationTimestamp}, {@code resourceVersion} when the client sent
 * none) copied as well; any other difference is the client's and is refused.
 */
public class ImageStreamTagValidator {

    static final String TAG_ANNOTATIONS_MISMATCH =
            "tag annotations must not be provided or must be equal to the object meta annotations";
    static final String ONLY_ANNOTATIONS_MAY_CHANGE = "may not update fields other than metadata.annotations";

    private static final FieldPath TAG = FieldPath.of("tag");

    private final ObjectMetaValidator metadata = new ObjectMetaValidator();

    public List<FieldError> validateCreate(ImageStreamTag istag) {
        return validateCreate(istag, null);
    }

    /**
     * As {@link #validateCreate(ImageStreamTag)}, rejecting pull specs from registries {@code allowed} does not
     * list.
     */
    public List<FieldError> validateCreate(ImageStreamTag istag, AllowedRegistries allowed) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validate(istag.getMetadata(), true, NameRule.PATH_SEGMENT));
        errors.addAll(tag(istag, RegistryAdmission.of(allowed)));
        return errors;
    }

    public List<FieldError> validateUpdate(ImageStreamTag updated, ImageStreamTag existing) {
        return validateUpdate(updated, existing, null);
    }

    /**
     * As {@link #validateUpdate(ImageStreamTag, ImageStreamTag)}, rejecting pull specs from registries
     * {@code allowed} does not list unless the stored tag already points at that repository.
     */
    public List<FieldError> validateUpdate(ImageStreamTag updated, ImageStreamTag existing,
            AllowedRegistries allowed) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validateUpdate(updated.getMetadata(), existing.getMetadata()));
        RegistryAdmission admission = RegistryAdmission.of(allowed);
        TagReference existingTag = existing.getTag();
        if (existingTag != null && existingTag.getFrom() != null
                && ImageApi.KIND_DOCKER_IMAGE.equals(existingTag.getFrom().getKind())) {
            admission = admission.exempting(List.of(ZeroValues.orEmpty(existingTag.getFrom().getName())));
        }
        errors.addAll(tag(updated, admission));
        if (!sameApartFromAnnotationsAndTag(updated, existing)) {
            errors.add(FieldError.invalid("metadata", "", ONLY_ANNOTATIONS_MAY_CHANGE));
        }
        return errors;
    }

    private static List<FieldError> tag(ImageStreamTag istag, RegistryAdmission admission) {
        TagReference tag = istag.getTag();
        if (tag == null) {
            return List.of();
        }
        boolean insecureRepository =
                "true".equals(istag.getMetadata().getAnnotations().get(ImageAnnotations.INSECURE_REPOSITORY));
        List<FieldError> errors = new ArrayList<>(
                TagReferenceValidator.validate(tag, TAG, insecureRepository, admission));
        // annotations live on the stream's spec tag; the istag shows them in metadata and may not disagree
        if (tag.getAnnotations() != null && !tag.getAnnotations().equals(istag.getMetadata().getAnnotations())) {
            errors.add(FieldError.invalid(TAG.child("annotations").toString(), "<map>", TAG_ANNOTATIONS_MISMATCH));
        }
        return errors;
    }

    /** Everything but annotations, {@code tag}, {@code lookupPolicy} and {@code generation} must be unchanged. */
    private static boolean sameApartFromAnnotationsAndTag(ImageStreamTag updated, ImageStreamTag existing) {
        return withoutAnnotations(updated.getMetadata()).equals(withoutAnnotations(existing.getMetadata()))
                && Objects.equals(updated.getImage(), existing.getImage())
                && updated.getConditions().equals(existing.getConditions());
    }

    private static ObjectMeta withoutAnnotations(ObjectMeta meta) {
        ObjectMeta copy = ImageApiJson.deepCopy(meta);
        copy.setAnnotations(null);
        return copy;
    }
}
