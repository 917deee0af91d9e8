package io.imagestreams.importer.client;

/**
 * The manifest a reference resolves to.
 *
 * @param digest    the digest of the manifest the registry serves for the reference (for a manifest list: the list's)
 * @param mediaType its media type
 */
public record ResolvedManifest(String digest, String mediaType) {
}
