package io.imagestreams.stream.service.watch;

import io.imagestreams.api.image.ImageStream;
import java.util.Map;

/**
 * One change-log row, read once and shared by every watch: the stream at {@code resourceVersion} and its JSON
 * wire form. {@code object} must never be modified.
 *
 * @param type ADDED, MODIFIED or DELETED as stored
 */
public record WatchRow(long resourceVersion, String type, String namespace, String name, ImageStream object, String json) {

    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";

    /** The object's labels, empty when it has none. */
    public Map<String, String> labels() {
        Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** {@code namespace/name}, the object's identity across versions. */
    public String key() {
        return key(namespace, name);
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
