package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.List;

/**
 * {@code apidiscovery.APIGroupDiscovery}: a group named in {@code metadata.name} ({@code ""} for the core group,
 * which Go leaves out), with its versions, preferred first.
 */
@JsonPropertyOrder({"metadata", "versions"})
public record APIGroupDiscovery(ObjectMeta metadata, List<APIVersionDiscovery> versions) {

    public APIGroupDiscovery {
        versions = List.copyOf(versions);
    }

    /** Builds a fresh {@link ObjectMeta} each time, because that type is mutable. */
    public static APIGroupDiscovery of(String group, List<APIVersionDiscovery> versions) {
        return new APIGroupDiscovery(ObjectMeta.of(null, group.isEmpty() ? null : group), versions);
    }
}
