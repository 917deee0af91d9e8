package io.imagestreams.stream.service.imports;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.ImageStreamImportSpec;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.RepositoryImportStatus;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.KubernetesObject;
import io.imagestreams.api.meta.Status;
import java.util.List;

/** How the images and statuses of an {@code ImageStreamImport} are shown to the client and stored. */
public final class ImportAnswers {

    private ImportAnswers() {
    }

    /**
     * The answer when import-service gave none: every requested image, and the repository if one was asked for,
     * failed with {@code InternalError} and {@code message}.
     */
    public static ImageStreamImportStatus failedLookup(ImageStreamImportSpec spec, String message) {
        ImageStreamImportStatus status = new ImageStreamImportStatus();
        for (int i = 0; i < spec.getImages().size(); i++) {
            status.getImages().add(ImageImportStatus.failed(Status.internalError(message)));
        }
        if (spec.getRepository() != null) {
            RepositoryImportStatus repository = new RepositoryImportStatus();
            repository.setStatus(Status.internalError(message).withoutTypeMeta());
            status.setRepository(repository);
        }
        return status;
    }

    /**
     * OpenShift's {@code clearManifests}: raw manifests and configs are large and only shown to a client that
     * asked with {@code includeManifest}; here the children of a manifest list are trimmed the same way.
     */
    public static void clearManifests(ImageStreamImport isi) {
        List<ImageImportSpec> specs = isi.getSpec().getImages();
        List<ImageImportStatus> results = isi.getStatus().getImages();
        for (int i = 0; i < results.size() && i < specs.size(); i++) {
            if (!specs.get(i).isIncludeManifest()) {
                clearManifest(results.get(i));
            }
        }
        RepositoryImportStatus repository = isi.getStatus().getRepository();
        if (isi.getSpec().getRepository() != null && repository != null
                && !isi.getSpec().getRepository().isIncludeManifest()) {
            repository.getImages().forEach(ImportAnswers::clearManifest);
        }
    }

    /**
     * An imported image as OpenShift stores it ({@code PrepareImageForCreate}): without signatures, raw manifest
     * and config, which are large and can be fetched from the registry again.
     */
    public static Image forStorage(Image image) {
        Image stored = ImageApiJson.deepCopy(image);
        stored.setSignatures(null);
        stored.setDockerImageManifest(null);
        stored.setDockerImageConfig(null);
        return stored;
    }

    /** An object shown inside another one: without {@code kind} and {@code apiVersion}, as OpenShift writes it. */
    public static <T extends KubernetesObject> T embedded(T object) {
        object.setKind(null);
        object.setApiVersion(null);
        return object;
    }

    private static void clearManifest(ImageImportStatus result) {
        if (result.getImage() != null) {
            clear(result.getImage());
        }
        result.getManifests().forEach(ImportAnswers::clear);
    }

    private static void clear(Image image) {
        image.setDockerImageManifest(null);
        image.setDockerImageConfig(null);
    }
}
