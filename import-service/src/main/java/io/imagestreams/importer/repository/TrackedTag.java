package io.imagestreams.importer.repository;

/** An importable spec tag as a stream event describes it; see {@link Schedule} for the fields. */
public record TrackedTag(String namespace, String stream, String tag, String from, String registry, String repository,
        String sourceTag, boolean insecure, String importMode, boolean scheduled, long generation) {
}
