package io.imagestreams.importer.repository;

/**
 * What a check or an import found at the registry for a tag's pull spec; a null part leaves what the schedule
 * recorded before.
 *
 * @param digest    the digest of the manifest or manifest list the pull spec names
 * @param mediaType its media type (a manifest list's or OCI index's, or an image manifest's)
 * @param children  for a list, how many child manifests it names; 0 for an image
 */
public record SourceManifest(String digest, String mediaType, Integer children) {

    /** Only the digest (e.g. a check whose registry did not say the media type). */
    public static SourceManifest digest(String digest) {
        return digest == null ? null : new SourceManifest(digest, null, null);
    }
}
