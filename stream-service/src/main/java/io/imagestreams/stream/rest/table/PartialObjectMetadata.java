package io.imagestreams.stream.rest.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.meta.ObjectMeta;

/** {@code metav1.PartialObjectMetadata}: what a Table row carries by default, so kubectl can show labels and age. */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"kind", "apiVersion", "metadata"})
public record PartialObjectMetadata(String kind, String apiVersion, ObjectMeta metadata) {

    public static final String KIND = "PartialObjectMetadata";

    /** The metadata of an object, typed in the Table's own {@code meta.k8s.io} version as the API server does. */
    public static PartialObjectMetadata of(ObjectMeta metadata, TableVersion version) {
        return new PartialObjectMetadata(KIND, version.apiVersion(), metadata);
    }
}
