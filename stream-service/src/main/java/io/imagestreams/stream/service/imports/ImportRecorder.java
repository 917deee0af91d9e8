package io.imagestreams.stream.service.imports;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImportSpec;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.RepositoryImportSpec;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.stream.service.tags.TagImports;
import io.imagestreams.stream.service.tags.TagImports.ImportRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the results of one {@code ImageStreamImport} into its stream, as OpenShift's {@code createImages} does:
 * repository tags first, then each image that names a target tag ({@code to}); a lookup without {@code to}
 * changes nothing. Successes move the tag ({@link TagImports#recordImportedImage}), failures leave the current
 * image and record why ({@code ImportSuccess=False}). Pure: the caller stores the images and writes the stream.
 */
public final class ImportRecorder {

    private ImportRecorder() {
    }

    /**
     * @param answer         import-service's results, aligned with {@code spec} (checked by the client)
     * @param nextGeneration {@link TagImports#nextGeneration} of the stream as loaded
     * @return the successful results written to a tag, whose images (and manifest children) must be stored
     */
    public static List<ImageImportStatus> record(ImageStreamImportSpec spec, ImageStreamImportStatus answer,
            ImageStream stream, long nextGeneration, Instant now) {
        List<ImageImportStatus> imported = new ArrayList<>();
        RepositoryImportSpec repository = spec.getRepository();
        if (repository != null && answer.getRepository() != null) {
            for (ImageImportStatus result : answer.getRepository().getImages()) {
                String tag = result.getTag();
                if (succeeded(result)) {
                    // later imports of this tag read the repository at that tag
                    ImportRequest request = new ImportRequest(tagOf(repository.getFrom().getName(), tag),
                            repository.getImportPolicy(), repository.getReferencePolicy());
                    recordSuccess(stream, tag, request, result, nextGeneration, now);
                    imported.add(result);
                } else {
                    // OpenShift creates no spec tag for a repository tag that failed
                    TagImports.setImportFailure(stream, tag, nextGeneration, result.getStatus().getReason(),
                            result.getStatus().getMessage(), now);
                }
            }
        }
        List<ImageImportSpec> images = spec.getImages();
        for (int i = 0; i < images.size(); i++) {
            ImageImportSpec image = images.get(i);
            if (image.getTo() == null) {
                continue;
            }
            String tag = image.getTo().getName();
            ImageImportStatus result = answer.getImages().get(i);
            ImportRequest request = new ImportRequest(image.getFrom().getName(), image.getImportPolicy(),
                    image.getReferencePolicy());
            if (succeeded(result)) {
                recordSuccess(stream, tag, request, result, nextGeneration, now);
                imported.add(result);
            } else {
                TagImports.recordImportFailure(stream, tag, request, result.getStatus().getReason(),
                        result.getStatus().getMessage(), nextGeneration, now);
            }
        }
        return imported;
    }

    /** OpenShift counts a result as imported only with Success and an image. */
    private static boolean succeeded(ImageImportStatus result) {
        return result.getStatus().succeeded() && result.getImage() != null;
    }

    private static void recordSuccess(ImageStream stream, String tag, ImportRequest request, ImageImportStatus result,
            long nextGeneration, Instant now) {
        Image image = result.getImage();
        TagImports.recordImportedImage(stream, tag, request, image.getMetadata().getName(),
                image.getDockerImageReference(), nextGeneration, now);
    }

    /** {@code repository:tag}, as OpenShift's {@code from.Exact()} with the tag set and no digest. */
    private static String tagOf(String repository, String tag) {
        return ImageReference.tryParse(repository)
                .map(reference -> reference.asRepository().withTag(tag).exact())
                .orElse(repository + ":" + tag);
    }
}
