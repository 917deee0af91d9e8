package io.imagestreams.testsupport.registry;

import java.util.List;

/** A manifest list (Docker) or image index (OCI) in a registry, with its children in manifest order. */
public record PushedIndex(String repository, String tag, String digest, String mediaType, byte[] manifest,
        List<PushedImage> children) {

    /** The child for {@code os/architecture}. */
    public PushedImage child(String os, String architecture) {
        return children.stream()
                .filter(c -> c.spec().os().equals(os) && c.spec().architecture().equals(architecture))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + os + "/" + architecture + " child"));
    }
}
