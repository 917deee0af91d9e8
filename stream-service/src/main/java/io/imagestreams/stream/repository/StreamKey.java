package io.imagestreams.stream.repository;

import io.imagestreams.api.image.ImageStream;
import java.util.Objects;

/** The identity of a stream: its namespace and name. */
public record StreamKey(String namespace, String name) {

    public StreamKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    public static StreamKey of(ImageStream stream) {
        return new StreamKey(Objects.requireNonNullElse(stream.getMetadata().getNamespace(), ""),
                Objects.requireNonNullElse(stream.getMetadata().getName(), ""));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
