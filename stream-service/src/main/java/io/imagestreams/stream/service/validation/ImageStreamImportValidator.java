package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.RepositoryImportSpec;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectReference;
import io.imagestreams.api.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenShift's {@code ValidateImageStreamImport} and the import strategy's {@code ValidateAllowedRegistries}.
 * The allow-list is a separate call because OpenShift applies it only to users who may not create images or
 * mappings themselves; the REST layer decides that and calls {@link #validateAllowedRegistries} when it applies.
 */
public class ImageStreamImportValidator {

    /** The {@code from.name} legacy clients send to look streams up; OpenShift accepts it unparsed. */
    static final String LEGACY_WILDCARD = "*";
    static final String ONLY_DOCKER_IMAGE = "only DockerImage is supported";

    private static final FieldPath IMAGES = FieldPath.of("spec", "images");
    private static final FieldPath REPOSITORY = FieldPath.of("spec", "repository");

    private final ObjectMetaValidator metadata = new ObjectMetaValidator();

    public List<FieldError> validate(ImageStreamImport request) {
        List<FieldError> errors = new ArrayList<>();
        List<ImageImportSpec> images = request.getSpec().getImages();
        for (int i = 0; i < images.size(); i++) {
            errors.addAll(image(ZeroValues.orZero(images.get(i), ImageImportSpec::new), IMAGES.index(i)));
        }
        RepositoryImportSpec repository = request.getSpec().getRepository();
        if (repository != null) {
            errors.addAll(repository(repository));
        }
        if (images.isEmpty() && repository == null) {
            errors.add(FieldError.invalid(IMAGES.toString(), null,
                    "you must specify at least one image or a repository import"));
        }
        errors.addAll(metadata.validate(request.getMetadata(), true, NameRule.IMAGE_STREAM));
        return errors;
    }

    /**
     * Each pull spec the import reads must come from a registry {@code allowed} lists: OpenShift's
     * {@code spec.images[0].from.name: Forbidden: importing images from registry "quay.io:443" is forbidden: …}.
     * Registries are named {@code host:port}, the port defaulted to 443, or 80 for an insecure import.
     */
    public List<FieldError> validateAllowedRegistries(ImageStreamImport request, AllowedRegistries allowed) {
        List<FieldError> errors = new ArrayList<>();
        RepositoryImportSpec repository = request.getSpec().getRepository();
        if (repository != null && ImageApi.KIND_DOCKER_IMAGE.equals(repository.getFrom().getKind())) {
            checkRegistry(repository.getFrom(), repository.getImportPolicy().isInsecure(), REPOSITORY, allowed,
                    errors);
        }
        // OpenShift checks every image here, whatever its kind; validate() has refused other kinds already
        List<ImageImportSpec> images = request.getSpec().getImages();
        for (int i = 0; i < images.size(); i++) {
            ImageImportSpec image = ZeroValues.orZero(images.get(i), ImageImportSpec::new);
            checkRegistry(image.getFrom(), image.getImportPolicy().isInsecure(), IMAGES.index(i), allowed, errors);
        }
        return errors;
    }

    private static List<FieldError> image(ImageImportSpec image, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        ObjectReference from = image.getFrom();
        String kind = ZeroValues.orEmpty(from.getKind());
        if (!kind.equals(ImageApi.KIND_DOCKER_IMAGE)) {
            errors.add(FieldError.invalid(path.child("from", "kind").toString(), kind, ONLY_DOCKER_IMAGE));
        } else {
            if (image.getTo() != null && ZeroValues.orEmpty(image.getTo().getName()).isEmpty()) {
                errors.add(FieldError.invalid(path.child("to", "name").toString(), "",
                        "the name of the target tag must be specified"));
            }
            String name = ZeroValues.orEmpty(from.getName());
            if (name.isEmpty()) {
                errors.add(FieldError.required(path.child("from", "name").toString()));
            } else if (name.equals(LEGACY_WILDCARD)) {
                // OpenShift skips the rest of this image's checks, import policy included
                return errors;
            } else {
                PullSpecs.parse(name, path.child("from", "name"), errors);
            }
        }
        errors.addAll(TagReferenceValidator.importPolicy(image.getImportPolicy(), path.child("importPolicy")));
        return errors;
    }

    private static List<FieldError> repository(RepositoryImportSpec repository) {
        List<FieldError> errors = new ArrayList<>();
        ObjectReference from = repository.getFrom();
        String kind = ZeroValues.orEmpty(from.getKind());
        FieldPath namePath = REPOSITORY.child("from", "name");
        if (!kind.equals(ImageApi.KIND_DOCKER_IMAGE)) {
            errors.add(FieldError.invalid(REPOSITORY.child("from", "kind").toString(), kind, ONLY_DOCKER_IMAGE));
        } else {
            String name = ZeroValues.orEmpty(from.getName());
            if (name.isEmpty()) {
                errors.add(FieldError.required(namePath.toString(), "container image references require a name"));
            } else {
                PullSpecs.parse(name, namePath, errors)
                        .filter(reference -> reference.hasTag() || reference.hasDigest())
                        .ifPresent(reference -> errors.add(FieldError.invalid(namePath.toString(), name,
                                "you must specify an image repository, not a tag or ID")));
            }
        }
        errors.addAll(TagReferenceValidator.importPolicy(repository.getImportPolicy(),
                REPOSITORY.child("importPolicy")));
        return errors;
    }

    private static void checkRegistry(ObjectReference from, boolean insecure, FieldPath path,
            AllowedRegistries allowed, List<FieldError> errors) {
        String registry = ImageReference.tryParse(from.getName()).map(ImageReference::registry).orElse("");
        String hostPort = hostPort(registry, insecure);
        if (!allowed.allows(hostPort)) {
            errors.add(FieldError.forbidden(path.child("from", "name").toString(),
                    "importing images from registry " + GoFormat.quote(hostPort) + " is forbidden: "
                            + allowed.rejection(hostPort)));
        }
    }

    /**
     * library-go's {@code RegistryHostPort}: Docker Hub's names become its v2 endpoint, a missing registry is
     * Docker Hub, and a missing port is the default port of the transport.
     */
    static String hostPort(String registry, boolean insecure) {
        String host = switch (registry) {
            case ImageReference.DOCKER_HUB_REGISTRY, ImageReference.DOCKER_HUB_V1_REGISTRY ->
                    ImageReference.DOCKER_HUB_V2_REGISTRY;
            case "" -> ImageReference.DOCKER_HUB_REGISTRY;
            default -> registry;
        };
        boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
        return hasPort ? host : host + (insecure ? ":80" : ":443");
    }
}
