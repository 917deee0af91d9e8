package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImage;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.json.ImageApiJson;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ImageStreamImage} view: an image of a stream named by an ID prefix (apiserver
 * {@code registry/imagestreamimage/rest.go}).
 */
public final class ImageStreamImages {

    private ImageStreamImages() {
    }

    /**
     * The image {@code id} names among the images of the stream's history and, for manifest lists, their child
     * manifests. Any prefix of the digest or of its hex part matches; when several images match, the last one
     * wins (no ambiguity error, unlike spec tags), in the order status tags, their items newest first, each
     * followed by its children.
     *
     * @param manifestListChildren child digests by manifest-list digest, for the lists among the history's images
     * @return the full image name, to load; empty means 404
     *     {@code imagestreamimage.image.openshift.io "<name>@<id>" not found}
     */
    public static Optional<String> findImage(ImageStream stream, String id,
            Map<String, List<String>> manifestListChildren) {
        String found = null;
        for (String image : imagesOf(stream, manifestListChildren)) {
            if (ImageIds.matches(image, id)) {
                found = image;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The isimage ({@code kind} and {@code apiVersion} set) for {@code image} found by {@code id}: named
     * {@code <stream>@<id as given>}, created when the image was, annotated as the stream is; the image without
     * manifest and config.
     */
    public static ImageStreamImage toImageStreamImage(ImageStream stream, String id, Image image) {
        ImageStreamImage isimage = ImageStreamImage.of(stream.getMetadata().getNamespace(),
                stream.getMetadata().getName(), id);
        isimage.getMetadata().setCreationTimestamp(image.getMetadata().getCreationTimestamp());
        isimage.getMetadata().setAnnotations(stream.getMetadata().getAnnotations());
        Image embedded = ImageApiJson.deepCopy(image);
        embedded.setKind(null);
        embedded.setApiVersion(null);
        embedded.setDockerImageManifest(null);
        embedded.setDockerImageConfig(null);
        isimage.setImage(embedded);
        return isimage;
    }

    /** Every image the stream references, as the stream's layers index lists them. */
    private static Set<String> imagesOf(ImageStream stream, Map<String, List<String>> manifestListChildren) {
        Set<String> images = new LinkedHashSet<>();
        for (NamedTagEventList history : stream.getStatus().getTags()) {
            for (TagEvent item : history.getItems()) {
                if (!item.getImage().isEmpty()) {
                    addWithChildren(item.getImage(), manifestListChildren, images);
                }
            }
        }
        return images;
    }

    private static void addWithChildren(String image, Map<String, List<String>> manifestListChildren,
            Set<String> images) {
        if (!images.add(image)) {
            return;
        }
        manifestListChildren.getOrDefault(image, List.of())
                .forEach(child -> addWithChildren(child, manifestListChildren, images));
    }
}
