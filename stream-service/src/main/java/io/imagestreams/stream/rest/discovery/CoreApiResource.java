package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Discovery of the core group. No core resources are served, but kubectl needs {@code /api} and {@code /api/v1}
 * to answer before it resolves any resource name.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CoreApiResource {

    @GET
    public Response versions(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        DiscoveryFormat format = DiscoveryFormat.negotiate(accept);
        Object body = format.aggregated()
                ? DiscoveryDocuments.aggregatedCore(format)
                : DiscoveryDocuments.coreVersions();
        return DiscoveryResponses.negotiated(body, format.contentType());
    }

    @GET
    @Path("/v1")
    public APIResourceList resources() {
        return DiscoveryDocuments.coreResources();
    }
}
