package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /version}: the Kubernetes version kubectl and fabric8 see. */
@Path("/version")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {

    @GET
    public VersionInfo version() {
        return VersionInfo.current();
    }
}
