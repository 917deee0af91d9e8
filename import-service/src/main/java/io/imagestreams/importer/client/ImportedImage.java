package io.imagestreams.importer.client;

import io.imagestreams.api.image.Image;
import java.util.List;

/**
 * The result of a full import.
 *
 * @param sourceDigest         the digest the reference resolved to at the registry (for a manifest list: the list's,
 *                             also with {@code Legacy} import mode), what a later {@link Registries#resolve} compares to
 * @param image                the image the tag points at: the chosen child for {@code Legacy}, the list itself for
 *                             {@code PreserveOriginal}; named by its digest, {@code dockerImageReference} = repo@digest,
 *                             with {@code dockerImageMetadata}, layers, manifest media type (no raw manifest or config)
 * @param manifests            for {@code PreserveOriginal}: every child as its own Image; otherwise empty
 * @param sourceMediaType      the media type of the manifest (or list) {@code sourceDigest} names
 * @param sourceChildren       how many child manifests the list names; 0 for an image
 */
public record ImportedImage(String sourceDigest, Image image, List<Image> manifests, String sourceMediaType,
        int sourceChildren) {
    public ImportedImage {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
    }
}
