package io.imagestreams.importer.repository;

import io.imagestreams.api.image.PlatformPreference;

/**
 * An importable spec tag as a stream event describes it; see {@link Schedule} for the fields.
 *
 * @param platform the platform the tag prefers from a manifest list (its importer annotations)
 */
public record TrackedTag(String namespace, String stream, String tag, String from, String registry, String repository,
        String sourceTag, boolean insecure, String importMode, boolean scheduled, long generation,
        PlatformPreference platform) {

    public TrackedTag {
        platform = platform == null ? PlatformPreference.NONE : platform;
    }

    /** A tag without platform preference. */
    public TrackedTag(String namespace, String stream, String tag, String from, String registry, String repository,
            String sourceTag, boolean insecure, String importMode, boolean scheduled, long generation) {
        this(namespace, stream, tag, from, registry, repository, sourceTag, insecure, importMode, scheduled, generation,
                PlatformPreference.NONE);
    }
}
