package io.imagestreams.stream.service.validation;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import java.util.Optional;

/**
 * The name of an ImageStreamTag, {@code <stream>:<tag>}, split as OpenShift's {@code ParseImageStreamTagName}
 * splits it: exactly one {@code :}, both sides non-empty, and no {@code @} anywhere.
 */
public record ImageStreamTagName(String stream, String tag) {

    /** OpenShift's 400 text for any other istag name. */
    public static final String BAD_REQUEST_MESSAGE = "ImageStreamTags must be retrieved with <name>:<tag>";

    /**
     * @throws StatusException a 400 BadRequest with {@link #BAD_REQUEST_MESSAGE} if {@code name} is malformed
     */
    public static ImageStreamTagName parse(String name) {
        return tryParse(name).orElseThrow(() -> new StatusException(Status.badRequest(BAD_REQUEST_MESSAGE)));
    }

    public static Optional<ImageStreamTagName> tryParse(String name) {
        if (name == null || name.contains("@")) {
            return Optional.empty();
        }
        String[] parts = name.split(":", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImageStreamTagName(parts[0], parts[1]));
    }

    @Override
    public String toString() {
        return stream + ":" + tag;
    }
}
