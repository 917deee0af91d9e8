package io.imagestreams.stream.service.watch;

import io.imagestreams.api.image.ImageStream;
import java.util.Map;

/** Change-log rows for unit tests. */
final class WatchRows {

    private WatchRows() {
    }

    static WatchRow row(long resourceVersion, String type, String name, Map<String, String> labels) {
        ImageStream stream = ImageStream.of("shop", name);
        stream.getMetadata().setLabels(labels);
        stream.getMetadata().setResourceVersion(Long.toString(resourceVersion));
        return new WatchRow(resourceVersion, type, "shop", name, stream, "{}");
    }

    static ImageStream listed(String name, long resourceVersion, Map<String, String> labels) {
        return row(resourceVersion, WatchRow.ADDED, name, labels).object();
    }
}
