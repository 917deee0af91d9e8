package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /apis}: the named groups, in the legacy or the aggregated form. */
@Path("/apis")
@Produces(MediaType.APPLICATION_JSON)
public class ApiGroupsResource {

    @GET
    public Response groups(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        DiscoveryFormat format = DiscoveryFormat.negotiate(accept);
        Object body = format.aggregated()
                ? DiscoveryDocuments.aggregatedGroups(format)
                : DiscoveryDocuments.groups();
        return DiscoveryResponses.negotiated(body, format.contentType());
    }
}
