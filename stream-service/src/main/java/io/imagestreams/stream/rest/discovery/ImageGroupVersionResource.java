package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /apis/image.openshift.io/v1}: the resources of the group version, for legacy discovery. */
@Path("/apis/image.openshift.io/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ImageGroupVersionResource {

    @GET
    public APIResourceList resources() {
        return DiscoveryDocuments.imageResources();
    }
}
