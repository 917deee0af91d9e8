package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.json.Rfc3339Time;
import java.time.Instant;

/**
 * One revision of a tag's history, as prune commands and their results carry it.
 *
 * @param position 0 for the current image, counting towards older ones
 * @param image    the image name (digest)
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryEntry(String tag, int position, String image, String dockerImageReference,
        @Rfc3339Time Instant created, long generation) {
}
