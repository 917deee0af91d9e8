package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.meta.ListMeta;
import java.util.List;

/**
 * {@code apidiscovery.k8s.io} {@code APIGroupDiscoveryList}: aggregated discovery, every group with its
 * resources in one answer, served to clients (kubectl 1.26+) that ask for it in {@code Accept}.
 */
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "items"})
public record APIGroupDiscoveryList(String kind, String apiVersion, ListMeta metadata, List<APIGroupDiscovery> items) {

    public static final String GROUP = "apidiscovery.k8s.io";
    public static final String KIND = "APIGroupDiscoveryList";

    public APIGroupDiscoveryList {
        items = List.copyOf(items);
    }

    public static APIGroupDiscoveryList of(String version, List<APIGroupDiscovery> items) {
        return new APIGroupDiscoveryList(KIND, GROUP + "/" + version, new ListMeta(), items);
    }
}
