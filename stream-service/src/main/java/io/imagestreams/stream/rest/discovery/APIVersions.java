package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code metav1.APIVersions}, the answer to {@code GET /api}: the versions of the core (legacy) group. */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"kind", "versions", "serverAddressByClientCIDRs"})
public record APIVersions(String kind, List<String> versions,
        List<ServerAddressByClientCIDR> serverAddressByClientCIDRs) {

    public APIVersions {
        versions = List.copyOf(versions);
        serverAddressByClientCIDRs = List.copyOf(serverAddressByClientCIDRs);
    }

    public static APIVersions of(List<String> versions) {
        // Clients already reach the server at the address they used, so no per-network address is offered.
        return new APIVersions("APIVersions", versions, List.of());
    }
}
