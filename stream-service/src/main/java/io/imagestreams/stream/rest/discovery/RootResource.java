package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /}: the list of served API paths, as the Kubernetes API server answers it. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RootResource {

    @GET
    public RootPaths paths() {
        return DiscoveryDocuments.rootPaths();
    }
}
