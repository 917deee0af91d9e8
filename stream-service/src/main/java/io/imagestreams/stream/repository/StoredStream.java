package io.imagestreams.stream.repository;

import io.imagestreams.api.image.ImageStream;
import java.util.Map;

/**
 * A stream as loaded from the database: the API object plus what the writer needs to store a change as a
 * small delta (the row id and, per status tag, the sequence number of its newest history entry).
 */
public record StoredStream(long id, ImageStream stream, Map<String, Long> headSeqByTag) {
}
