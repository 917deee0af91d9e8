package io.imagestreams.stream.service.validation;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import java.util.Optional;

/**
 * The name of an ImageStreamImage, {@code <stream>@<id>}, split as OpenShift's {@code ParseImageStreamImageName}
 * splits it: exactly one {@code @} with both sides non-empty. The id is not checked to be a digest here; OpenShift
 * looks it up as a prefix of image names.
 */
public record ImageStreamImageName(String stream, String id) {

    /** OpenShift's 400 text for any other isimage name. */
    public static final String BAD_REQUEST_MESSAGE = "ImageStreamImages must be retrieved with <name>@<id>";

    /**
     * @throws StatusException a 400 BadRequest with {@link #BAD_REQUEST_MESSAGE} if {@code name} is malformed
     */
    public static ImageStreamImageName parse(String name) {
        return tryParse(name).orElseThrow(() -> new StatusException(Status.badRequest(BAD_REQUEST_MESSAGE)));
    }

    public static Optional<ImageStreamImageName> tryParse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String[] parts = name.split("@", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImageStreamImageName(parts[0], parts[1]));
    }

    @Override
    public String toString() {
        return stream + "@" + id;
    }
}
