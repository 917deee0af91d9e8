package io.imagestreams.api.image;

import io.imagestreams.api.meta.LocalObjectReference;
import io.imagestreams.api.reference.ImageReference;

/**
 * OpenShift's defaulting of {@code image.openshift.io/v1} objects ({@code apiserver pkg/image/apis/image/v1/
 * defaults.go}): an empty {@code referencePolicy.type} becomes {@code Source}, an empty
 * {@code importPolicy.importMode} becomes the default import mode ({@code Legacy} unless the cluster says
 * otherwise), and an image import without {@code to} takes the tag of its {@code from.name}. Like Kubernetes
 * defaulting, the methods change the object in place and return it.
 */
public final class ImageDefaults {

    public static final String DEFAULT_IMPORT_MODE = TagImportPolicy.LEGACY;

    private ImageDefaults() {
    }

    public static ImageStream apply(ImageStream stream) {
        return apply(stream, DEFAULT_IMPORT_MODE);
    }

    public static ImageStream apply(ImageStream stream, String defaultImportMode) {
        stream.getSpec().getTags().forEach(tag -> apply(tag, defaultImportMode));
        return stream;
    }

    public static ImageStreamList apply(ImageStreamList list) {
        list.getItems().forEach(ImageDefaults::apply);
        return list;
    }

    public static ImageStreamTag apply(ImageStreamTag istag) {
        return apply(istag, DEFAULT_IMPORT_MODE);
    }

    public static ImageStreamTag apply(ImageStreamTag istag, String defaultImportMode) {
        if (istag.getTag() != null) {
            apply(istag.getTag(), defaultImportMode);
        }
        return istag;
    }

    public static ImageStreamTagList apply(ImageStreamTagList list) {
        list.getItems().forEach(ImageDefaults::apply);
        return list;
    }

    public static ImageStreamImport apply(ImageStreamImport request) {
        return apply(request, DEFAULT_IMPORT_MODE);
    }

    public static ImageStreamImport apply(ImageStreamImport request, String defaultImportMode) {
        RepositoryImportSpec repository = request.getSpec().getRepository();
        if (repository != null) {
            apply(repository.getImportPolicy(), defaultImportMode);
            apply(repository.getReferencePolicy());
        }
        for (ImageImportSpec image : request.getSpec().getImages()) {
            defaultTarget(image);
            apply(image.getImportPolicy(), defaultImportMode);
            apply(image.getReferencePolicy());
        }
        if (request.getStatus().getImport() != null) {
            apply(request.getStatus().getImport(), defaultImportMode);
        }
        return request;
    }

    public static TagReference apply(TagReference tag, String defaultImportMode) {
        apply(tag.getImportPolicy(), defaultImportMode);
        apply(tag.getReferencePolicy());
        return tag;
    }

    public static TagImportPolicy apply(TagImportPolicy policy, String defaultImportMode) {
        if (policy.getImportMode() == null || policy.getImportMode().isEmpty()) {
            policy.setImportMode(defaultImportMode);
        }
        return policy;
    }

    public static TagReferencePolicy apply(TagReferencePolicy policy) {
        if (policy.getType().isEmpty()) {
            policy.setType(TagReferencePolicy.SOURCE);
        }
        return policy;
    }

    private static void defaultTarget(ImageImportSpec image) {
        if (image.getTo() != null) {
            return;
        }
        ImageReference.tryParse(image.getFrom().getName())
                .filter(ImageReference::hasTag)
                .ifPresent(reference -> image.setTo(new LocalObjectReference(reference.tag())));
    }
}
