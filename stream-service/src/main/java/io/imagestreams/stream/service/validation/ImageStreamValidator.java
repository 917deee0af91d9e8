package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.reference.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * OpenShift's {@code ValidateImageStream}, {@code ValidateImageStreamUpdate} and
 * {@code ValidateImageStreamStatusUpdate}, plus our own limit on the number of spec tags. Tags are keyed by name
 * ({@code spec.tags[latest]}), a repeated name counts once with its last entry, and errors follow tag names in
 * alphabetical order, as OpenShift's tag maps are ordered on output.
 *
 * <p>Call it on the object as OpenShift's strategy leaves it: on create the client's status is discarded first,
 * and on a spec update the stored status is put back, so that only the status endpoint
 * ({@link #validateStatusUpdate}) judges client-written history. As in OpenShift, an update reports metadata
 * label and annotation errors twice (once from the update check, once from the object check); the 422 message
 * lists each once. Resolving {@code ImageStreamTag} and {@code ImageStreamImage} references is not done here:
 * OpenShift does it while applying the change.
 */
public class ImageStreamValidator {

    /** Our production limit on spec tags per stream; OpenShift has none. */
    public static final int DEFAULT_MAX_SPEC_TAGS = 1000;

    private static final FieldPath METADATA_NAME = FieldPath.of("metadata", "name");
    private static final FieldPath DOCKER_IMAGE_REPOSITORY = FieldPath.of("spec", "dockerImageRepository");
    private static final FieldPath SPEC_TAGS = FieldPath.of("spec", "tags");
    private static final FieldPath STATUS_TAGS = FieldPath.of("status", "tags");

    private final ObjectMetaValidator metadata = new ObjectMetaValidator();
    private final int maxSpecTags;

    public ImageStreamValidator() {
        this(DEFAULT_MAX_SPEC_TAGS);
    }

    /** @param maxSpecTags the most distinct spec tags a stream may gain */
    public ImageStreamValidator(int maxSpecTags) {
        if (maxSpecTags < 0) {
            throw new IllegalArgumentException("maxSpecTags must not be negative: " + maxSpecTags);
        }
        this.maxSpecTags = maxSpecTags;
    }

    public List<FieldError> validateCreate(ImageStream stream) {
        return validateCreate(stream, null);
    }

    /** As {@link #validateCreate(ImageStream)}, rejecting pull specs from registries {@code allowed} does not list. */
    public List<FieldError> validateCreate(ImageStream stream, AllowedRegistries allowed) {
        return validate(stream, RegistryAdmission.of(allowed), 0);
    }

    public List<FieldError> validateUpdate(ImageStream updated, ImageStream existing) {
        return validateUpdate(updated, existing, null);
    }

    /**
     * As {@link #validateUpdate(ImageStream, ImageStream)}, rejecting pull specs from registries {@code allowed}
     * does not list unless {@code existing} already uses their repository.
     */
    public List<FieldError> validateUpdate(ImageStream updated, ImageStream existing, AllowedRegistries allowed) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validateUpdate(updated.getMetadata(), existing.getMetadata()));
        Set<String> existingPullSpecs = new HashSet<>(specPullSpecs(existing));
        existingPullSpecs.addAll(statusPullSpecs(existing));
        RegistryAdmission admission = RegistryAdmission.of(allowed).exempting(existingPullSpecs);
        errors.addAll(validate(updated, admission, specTags(existing).size()));
        return errors;
    }

    public List<FieldError> validateStatusUpdate(ImageStream updated, ImageStream existing) {
        return validateStatusUpdate(updated, existing, null);
    }

    /**
     * The {@code /status} endpoint: metadata may not change identity, and each status pull spec the stored stream
     * does not already hold must parse and come from an allowed registry. Spec is not validated; the endpoint
     * keeps the stored one.
     */
    public List<FieldError> validateStatusUpdate(ImageStream updated, ImageStream existing,
            AllowedRegistries allowed) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validateUpdate(updated.getMetadata(), existing.getMetadata()));
        Set<String> existingPullSpecs = statusPullSpecs(existing);
        RegistryAdmission admission = RegistryAdmission.of(allowed);
        boolean insecureRepository = isInsecureRepository(updated);
        SortedMap<String, TagReference> specTags = specTags(updated);
        statusTags(updated).forEach((tag, history) -> {
            boolean insecure = insecureRepository || isInsecureTag(specTags.get(tag));
            List<TagEvent> items = history.getItems();
            for (int i = 0; i < items.size(); i++) {
                String pullSpec = pullSpecOf(items.get(i));
                // history written before (even with a registry since disallowed) may be kept and reordered
                if (existingPullSpecs.contains(pullSpec)) {
                    continue;
                }
                FieldPath path = itemReferencePath(tag, i);
                PullSpecs.parse(pullSpec, path, errors)
                        .flatMap(reference -> admission.rejection(reference, insecure))
                        .ifPresent(rejection -> errors.add(FieldError.forbidden(path.toString(), rejection)));
            }
        });
        return errors;
    }

    private List<FieldError> validate(ImageStream stream, RegistryAdmission admission, int existingSpecTags) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validate(stream.getMetadata(), true, NameRule.IMAGE_STREAM));
        String namespace = ZeroValues.orEmpty(stream.getMetadata().getNamespace());
        String name = ZeroValues.orEmpty(stream.getMetadata().getName());
        // the stream's repository in the integrated registry is <namespace>/<name>, which must stay a valid name
        if (KubernetesNames.byteLength(namespace + "/" + name) > ImageReference.NAME_TOTAL_LENGTH_MAX) {
            errors.add(FieldError.invalid(METADATA_NAME.toString(), name, "'namespace/name' cannot be longer than "
                    + ImageReference.NAME_TOTAL_LENGTH_MAX + " characters"));
        }
        boolean insecureRepository = isInsecureRepository(stream);
        errors.addAll(dockerImageRepository(stream.getSpec().getDockerImageRepository(), insecureRepository,
                admission));
        SortedMap<String, TagReference> specTags = specTags(stream);
        // streams already over a lowered limit stay editable as long as they do not grow
        if (specTags.size() > maxSpecTags && specTags.size() > existingSpecTags) {
            errors.add(QuantityErrors.tooMany(SPEC_TAGS, specTags.size(), maxSpecTags));
        }
        specTags.forEach((tag, reference) -> errors.addAll(
                TagReferenceValidator.validate(reference, SPEC_TAGS.key(tag), insecureRepository, admission)));
        errors.addAll(statusItems(stream, specTags, insecureRepository, admission));
        return errors;
    }

    private static List<FieldError> dockerImageRepository(String repository, boolean insecure,
            RegistryAdmission admission) {
        List<FieldError> errors = new ArrayList<>();
        if (repository == null || repository.isEmpty()) {
            return errors;
        }
        PullSpecs.parse(repository, DOCKER_IMAGE_REPOSITORY, errors).ifPresent(reference -> {
            if (reference.hasTag()) {
                errors.add(FieldError.invalid(DOCKER_IMAGE_REPOSITORY.toString(), repository,
                        "the repository name may not contain a tag"));
            }
            if (reference.hasDigest()) {
                errors.add(FieldError.invalid(DOCKER_IMAGE_REPOSITORY.toString(), repository,
                        "the repository name may not contain an ID"));
            }
            if (!reference.hasTag() && !reference.hasDigest()) {
                admission.rejection(reference, insecure).ifPresent(rejection -> errors.add(
                        FieldError.forbidden(DOCKER_IMAGE_REPOSITORY.toString(), rejection)));
            }
        });
        return errors;
    }

    private static List<FieldError> statusItems(ImageStream stream, SortedMap<String, TagReference> specTags,
            boolean insecureRepository, RegistryAdmission admission) {
        List<FieldError> errors = new ArrayList<>();
        statusTags(stream).forEach((tag, history) -> {
            boolean insecure = insecureRepository || isInsecureTag(specTags.get(tag));
            List<TagEvent> items = history.getItems();
            for (int i = 0; i < items.size(); i++) {
                FieldPath path = itemReferencePath(tag, i);
                String pullSpec = pullSpecOf(items.get(i));
                if (pullSpec.isEmpty()) {
                    errors.add(FieldError.required(path.toString()));
                    continue;
                }
                PullSpecs.parse(pullSpec, path, errors)
                        .flatMap(reference -> admission.rejection(reference, insecure))
                        .ifPresent(rejection -> errors.add(FieldError.forbidden(path.toString(), rejection)));
            }
        });
        return errors;
    }

    /** Spec tags by name, the last of repeated names winning, as the server's tag map holds them. */
    private static SortedMap<String, TagReference> specTags(ImageStream stream) {
        SortedMap<String, TagReference> tags = new TreeMap<>();
        stream.getSpec().getTags().stream()
                .map(tag -> ZeroValues.orZero(tag, TagReference::new))
                .forEach(tag -> tags.put(tag.getName(), tag));
        return tags;
    }

    private static SortedMap<String, NamedTagEventList> statusTags(ImageStream stream) {
        SortedMap<String, NamedTagEventList> tags = new TreeMap<>();
        stream.getStatus().getTags().stream()
                .map(history -> ZeroValues.orZero(history, NamedTagEventList::new))
                .forEach(history -> tags.put(history.getTag(), history));
        return tags;
    }

    /** {@code spec.dockerImageRepository} and every {@code DockerImage} a spec tag names. */
    private static List<String> specPullSpecs(ImageStream stream) {
        List<String> pullSpecs = new ArrayList<>();
        String repository = stream.getSpec().getDockerImageRepository();
        if (repository != null && !repository.isEmpty()) {
            pullSpecs.add(repository);
        }
        specTags(stream).values().stream()
                .filter(tag -> tag.getFrom() != null && ImageApi.KIND_DOCKER_IMAGE.equals(tag.getFrom().getKind()))
                .forEach(tag -> pullSpecs.add(ZeroValues.orEmpty(tag.getFrom().getName())));
        return pullSpecs;
    }

    private static Set<String> statusPullSpecs(ImageStream stream) {
        Set<String> pullSpecs = new HashSet<>();
        statusTags(stream).values().forEach(history -> history.getItems()
                .forEach(item -> pullSpecs.add(pullSpecOf(item))));
        return pullSpecs;
    }

    private static String pullSpecOf(TagEvent item) {
        return item == null ? "" : item.getDockerImageReference();
    }

    private static FieldPath itemReferencePath(String tag, int index) {
        return STATUS_TAGS.key(tag).child("items").index(index).child("dockerImageReference");
    }

    private static boolean isInsecureRepository(ImageStream stream) {
        return "true".equals(stream.getMetadata().getAnnotations().get(ImageAnnotations.INSECURE_REPOSITORY));
    }

    private static boolean isInsecureTag(TagReference tag) {
        return tag != null && tag.getImportPolicy().isInsecure();
    }
}
