package io.imagestreams.testsupport.registry;

import java.util.List;

/**
 * A single-platform image in a registry.
 *
 * @param tag      the tag it was pushed under, or null when pushed by digest only (a manifest list's child)
 * @param manifest the exact manifest bytes (their sha256 is {@code digest})
 */
public record PushedImage(String repository, String tag, String digest, String mediaType, byte[] manifest,
        PushedBlob config, List<PushedBlob> layers, ImageSpec spec) {

    /** Config plus every layer, as OpenShift sizes an image. */
    public long size() {
        return config.size() + layers.stream().mapToLong(PushedBlob::size).sum();
    }
}
