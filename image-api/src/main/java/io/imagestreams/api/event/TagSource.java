package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.meta.ObjectReference;

/** Where a spec tag points: {@code kind} DockerImage, ImageStreamTag or ImageStreamImage, and a name. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagSource(String kind, String namespace, String name) {

    /** The source of a spec tag's {@code from}; {@code null} if there is none. */
    public static TagSource of(ObjectReference from) {
        return from == null ? null : new TagSource(from.getKind(), from.getNamespace(), from.getName());
    }
}
