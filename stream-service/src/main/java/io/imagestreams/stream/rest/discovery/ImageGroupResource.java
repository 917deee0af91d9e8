package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /apis/image.openshift.io}. A class of its own, like {@link ImageGroupVersionResource}: JAX-RS
 * picks the resource class with the longest matching path first, so a method on {@code /apis} would be hidden
 * by any API class rooted below it.
 */
@Path("/apis/image.openshift.io")
@Produces(MediaType.APPLICATION_JSON)
public class ImageGroupResource {

    @GET
    public APIGroup group() {
        return DiscoveryDocuments.imageGroup();
    }
}
