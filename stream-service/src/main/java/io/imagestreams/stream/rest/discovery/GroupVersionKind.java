package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code metav1.GroupVersionKind} as aggregated discovery writes a {@code responseKind}. Empty group and version
 * mean "the group-version being listed", as legacy discovery's {@code APIResource} leaves them empty too.
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"group", "version", "kind"})
public record GroupVersionKind(String group, String version, String kind) {

    public static GroupVersionKind sameGroupVersion(String kind) {
        return new GroupVersionKind("", "", kind);
    }
}
