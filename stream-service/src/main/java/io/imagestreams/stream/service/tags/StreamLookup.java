package io.imagestreams.stream.service.tags;

import io.imagestreams.stream.repository.StreamKey;
import io.imagestreams.api.image.ImageStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the other streams that spec tags copy images from. The service answers it from streams it loaded
 * beforehand (see {@link ImageStreamStrategy#referencedStreams}), so resolving tags never does I/O.
 */
@FunctionalInterface
public interface StreamLookup {

    Optional<ImageStream> find(String namespace, String name);

    /** A lookup that knows no stream, for writes whose spec tags reference no other stream. */
    static StreamLookup none() {
        return (namespace, name) -> Optional.empty();
    }

    /** A lookup over streams already loaded. */
    static StreamLookup of(Collection<ImageStream> streams) {
        Map<StreamKey, ImageStream> byKey = new HashMap<>();
        streams.forEach(stream -> byKey.put(StreamKey.of(stream), stream));
        return (namespace, name) -> Optional.ofNullable(byKey.get(new StreamKey(namespace, name)));
    }
}
