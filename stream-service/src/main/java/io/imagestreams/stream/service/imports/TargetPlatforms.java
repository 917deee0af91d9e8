package io.imagestreams.stream.service.imports;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImportSpec;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform each image of an {@code ImageStreamImport} prefers from a manifest list, as OpenShift's importer
 * finds it: the annotations {@code importer.image.openshift.io/prefer-arch|prefer-os} of the target stream's
 * spec tag named by {@code spec.images[i].to}, or by the source tag when {@code to} is absent. An import by
 * digest, a source that is not a DockerImage pull spec, a missing stream or tag: no preference.
 */
public final class TargetPlatforms {

    private TargetPlatforms() {
    }

    /** @return one entry per {@code spec.images[i]}, {@link PlatformPreference#NONE} where nothing is preferred */
    public static List<PlatformPreference> of(ImageStreamImportSpec spec, Optional<ImageStream> stream) {
        List<PlatformPreference> platforms = new ArrayList<>(spec.getImages().size());
        for (ImageImportSpec image : spec.getImages()) {
            platforms.add(stream.map(found -> of(image, found)).orElse(PlatformPreference.NONE));
        }
        return platforms;
    }

    private static PlatformPreference of(ImageImportSpec image, ImageStream stream) {
        if (image.getFrom() == null || !ImageApi.KIND_DOCKER_IMAGE.equals(image.getFrom().getKind())
                || stream.getSpec() == null) {
            return PlatformPreference.NONE;
        }
        Optional<ImageReference> source = ImageReference.tryParse(image.getFrom().getName())
                .map(ImageReference::dockerClientDefaults);
        if (source.isEmpty() || source.get().hasDigest()) {
            return PlatformPreference.NONE;
        }
        String target = image.getTo() != null ? image.getTo().getName() : source.get().tag();
        return stream.getSpec().findTag(target).map(PlatformPreference::of).orElse(PlatformPreference.NONE);
    }
}
