package io.imagestreams.testsupport.registry;

/** A blob in a registry, as a manifest describes it. */
public record PushedBlob(String digest, long size, String mediaType) {
}
