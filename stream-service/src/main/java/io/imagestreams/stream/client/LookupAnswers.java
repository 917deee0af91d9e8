package io.imagestreams.stream.client;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStreamImportSpec;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.reference.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * What stream-service relies on in import-service's answer before it writes anything: one result per requested
 * image, a repository result when a repository was asked for, and successes that name their image well enough
 * to record a tag event. An answer that breaks this is refused as a whole rather than half applied.
 */
final class LookupAnswers {

    private LookupAnswers() {
    }

    /** Why {@code answer} cannot be used for {@code spec}, or empty if it can. */
    static Optional<String> problem(ImageStreamImportSpec spec, ImageStreamImportStatus answer) {
        int requested = spec.getImages().size();
        if (answer.getImages().size() != requested) {
            return Optional.of("answered " + answer.getImages().size() + " image results for " + requested
                    + " requested images");
        }
        for (int i = 0; i < requested; i++) {
            Optional<String> problem = imageProblem(answer.getImages().get(i));
            if (problem.isPresent()) {
                return Optional.of("images[" + i + "]: " + problem.get());
            }
        }
        if (spec.getRepository() == null) {
            return Optional.empty();
        }
        if (answer.getRepository() == null) {
            return Optional.of("answered no repository result for the requested repository");
        }
        List<ImageImportStatus> tags = answer.getRepository().getImages();
        for (int i = 0; i < tags.size(); i++) {
            ImageImportStatus result = tags.get(i);
            String tag = result.getTag() == null ? "" : result.getTag();
            if (!ImageReference.isValidTag(tag)) {
                return Optional.of("repository.images[" + i + "]: tag \"" + tag + "\" is not a valid tag");
            }
            Optional<String> problem = imageProblem(result);
            if (problem.isPresent()) {
                return Optional.of("repository.images[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** A success must name its image by digest and say where it was found; children need a name to be stored. */
    private static Optional<String> imageProblem(ImageImportStatus result) {
        Image image = result.getImage();
        if (!result.getStatus().succeeded() || image == null) {
            return Optional.empty();
        }
        String name = image.getMetadata().getName();
        if (name == null || !ImageReference.isValidDigest(name)) {
            return Optional.of("image name \"" + name + "\" is not a digest");
        }
        if (ImageReference.tryParse(image.getDockerImageReference()).isEmpty()) {
            return Optional.of("dockerImageReference \"" + image.getDockerImageReference() + "\" is not a pull spec");
        }
        for (Image child : result.getManifests()) {
            String childName = child.getMetadata().getName();
            if (childName == null || !ImageReference.isValidDigest(childName)) {
                return Optional.of("manifest name \"" + childName + "\" is not a digest");
            }
        }
        return Optional.empty();
    }
}
