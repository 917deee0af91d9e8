package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Objects;

/**
 * A tag's history changed: usually its current image moved (a new entry on top, or the top entry rewritten in
 * place), which is all most consumers look at.
 *
 * <p>Consumers that keep the whole history (prune-service) apply the change as OpenShift's tagging rules made it:
 * without {@code history}, the new image replaced the previous top entry in place when both share their
 * {@code dockerImageReference} or their digest, and was prepended otherwise. Any other change (a status update
 * that rewrote older entries) carries the complete {@code history}, newest first, so the change log alone always
 * rebuilds every tag's history.
 *
 * @param generation    the generation of the new current history entry
 * @param previousImage {@code null} when the tag had no image before
 * @param history       the tag's complete history after the change, only when the change was neither a new top
 *                      entry nor a top entry rewritten in place
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagUpdated(String namespace, String stream, String tag, long generation, ImageRef image,
        ImageRef previousImage, List<HistoryEntry> history) implements EventPayload {

    public TagUpdated {
        history = history == null ? null : List.copyOf(history);
    }

    /** A change of the top entry alone. */
    public TagUpdated(String namespace, String stream, String tag, long generation, ImageRef image, ImageRef previousImage) {
        this(namespace, stream, tag, generation, image, previousImage, null);
    }

    /** Whether {@code next} replaces {@code previous} in place rather than being prepended (OpenShift's rule). */
    public static boolean replacesInPlace(ImageRef previous, ImageRef next) {
        return previous != null && next != null
                && (Objects.equals(previous.dockerImageReference(), next.dockerImageReference())
                        || previous.digest() != null && previous.digest().equals(next.digest()));
    }

    @Override
    public String eventType() {
        return EventTypes.TAG_UPDATED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
