package io.imagestreams.stream.rest.discovery;

import io.imagestreams.stream.rest.table.AcceptHeader;
import io.imagestreams.stream.rest.table.MediaRange;
import jakarta.ws.rs.core.MediaType;

/**
 * The form {@code /api} and {@code /apis} answer in. kubectl 1.26+ asks for aggregated discovery first
 * ({@code application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList}, then {@code v=v2beta1}, then
 * plain {@code application/json}) and reads the response's Content-Type to tell which one it got; older
 * clients and fabric8 ask for plain JSON.
 */
public enum DiscoveryFormat {
    LEGACY(null),
    AGGREGATED_V2("v2"),
    AGGREGATED_V2BETA1("v2beta1");

    private final String version;

    DiscoveryFormat(String version) {
        this.version = version;
    }

    /** The first form in the client's order of preference that this server can produce; legacy by default. */
    public static DiscoveryFormat negotiate(String acceptHeader) {
        for (MediaRange range : AcceptHeader.parse(acceptHeader)) {
            if (!range.acceptable() || !range.admits("application", "json")) {
                continue;
            }
            if (range.parameter("as") == null) {
                return LEGACY;
            }
            DiscoveryFormat aggregated = aggregated(range);
            if (aggregated != null) {
                return aggregated;
            }
        }
        return LEGACY;
    }

    private static DiscoveryFormat aggregated(MediaRange range) {
        if (!APIGroupDiscoveryList.KIND.equals(range.parameter("as"))
                || !APIGroupDiscoveryList.GROUP.equals(range.parameter("g"))) {
            return null;
        }
        for (DiscoveryFormat format : values()) {
            if (format.version != null && format.version.equals(range.parameter("v"))) {
                return format;
            }
        }
        return null;
    }

    public boolean aggregated() {
        return version != null;
    }

    /** The {@code apidiscovery.k8s.io} version of an aggregated form. */
    public String version() {
        return version;
    }

    /** The Content-Type that tells the client which form it got, parameters in the order Kubernetes writes. */
    public String contentType() {
        if (version == null) {
            return MediaType.APPLICATION_JSON;
        }
        return MediaType.APPLICATION_JSON + ";g=" + APIGroupDiscoveryList.GROUP + ";v=" + version + ";as="
                + APIGroupDiscoveryList.KIND;
    }
}
