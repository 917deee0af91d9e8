package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code apidiscovery.APIVersionDiscovery}: one version of a group and its resources. {@code freshness} is
 * always {@code Current}: the documents are built from the registry, never cached from elsewhere.
 */
@JsonPropertyOrder({"version", "resources", "freshness"})
public record APIVersionDiscovery(String version, List<APIResourceDiscovery> resources, String freshness) {

    public static final String CURRENT = "Current";

    public APIVersionDiscovery {
        resources = List.copyOf(resources);
    }

    public static APIVersionDiscovery current(String version, List<APIResourceDiscovery> resources) {
        return new APIVersionDiscovery(version, resources, CURRENT);
    }
}
