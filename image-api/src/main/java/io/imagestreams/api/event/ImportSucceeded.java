package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.image.Image;
import java.util.List;

/**
 * A tag was imported.
 *
 * @param generation           the spec tag generation the import answers
 * @param image                the imported image, named by its digest, without manifest or config
 * @param dockerImageReference the most specific pull spec, {@code repo@digest}
 * @param manifests            the child images of a manifest list imported with {@code PreserveOriginal}
 * @param scheduledFrom        for the result of a scheduled check (or a push notification): the pull spec checked.
 *                             It applies while the tag is still scheduled and imports from that pull spec, whatever
 *                             generation import-service had seen (a scheduled import is always news, as in
 *                             OpenShift); null for an answer to ImportRequested, which must match its generation
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportSucceeded(String namespace, String stream, String tag, long generation, Image image,
        String dockerImageReference, List<Image> manifests, String scheduledFrom) implements EventPayload {

    public ImportSucceeded {
        manifests = manifests == null ? null : List.copyOf(manifests);
    }

    /** An answer to ImportRequested. */
    public ImportSucceeded(String namespace, String stream, String tag, long generation, Image image,
            String dockerImageReference, List<Image> manifests) {
        this(namespace, stream, tag, generation, image, dockerImageReference, manifests, null);
    }

    @Override
    public String eventType() {
        return EventTypes.IMPORT_SUCCEEDED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
