package io.imagestreams.stream.service.tags;

import io.imagestreams.api.meta.GoQuote;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagOrder;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.reference.ImageReference;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** Image IDs given by prefix, as {@code <stream>@<id>} names them (library-go {@code DigestOrImageMatch}). */
public final class ImageIds {

    /** The resource OpenShift names in these errors, in the singular. */
    private static final String RESOURCE = "imagestreamimage";

    private ImageIds() {
    }

    /**
     * Whether {@code id} is a prefix of the image name or, for a valid digest, of its hex part. Any length counts,
     * even one character.
     */
    public static boolean matches(String image, String id) {
        if (ImageReference.isValidDigest(image) && image.substring(image.indexOf(':') + 1).startsWith(id)) {
            return true;
        }
        return image.startsWith(id);
    }

    /** The event a spec tag pinned to {@code id} gets, or why there is none. */
    sealed interface Resolution {
    }

    record Resolved(TagEvent event) implements Resolution {
    }

    /** {@code message} is the Kubernetes error text, e.g. {@code imagestreamimage.image.openshift.io "x" not found}. */
    record Unresolved(String message) implements Resolution {
    }

    /**
     * Finds the one image {@code id} names among all history items of {@code stream} ({@code ResolveImageID}):
     * an event created {@code now} with that item's pull spec; NotFound if none matches, Conflict if several
     * distinct images do.
     */
    static Resolution resolve(ImageStream stream, String id, Instant now) {
        Set<String> matching = new TreeSet<>(TagOrder.BY_NAME);
        TagEvent lastMatch = null;
        for (NamedTagEventList history : stream.getStatus().getTags()) {
            for (TagEvent item : history.getItems()) {
                if (matches(item.getImage(), id)) {
                    lastMatch = item;
                    matching.add(item.getImage());
                }
            }
        }
        if (matching.isEmpty()) {
            return new Unresolved(Status.notFound(ImageApi.GROUP, RESOURCE, id).getMessage());
        }
        if (matching.size() > 1) {
            String cause = "multiple images match the prefix " + GoQuote.quote(id) + ": " + String.join(", ", matching);
            return new Unresolved(Status.conflict(ImageApi.GROUP, RESOURCE, id, cause).getMessage());
        }
        return new Resolved(TagEvent.of(now, lastMatch.getDockerImageReference(), lastMatch.getImage(), 0));
    }
}
