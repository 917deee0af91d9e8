package io.imagestreams.stream.rest;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.stream.service.ImageStreamImportService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code imagestreamimports} (create only, as in OpenShift): {@code oc import-image}'s synchronous import. */
@Path("/apis/image.openshift.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ImageStreamImportResource {

    private final ImageStreamImportService imports;

    public ImageStreamImportResource(ImageStreamImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("namespaces/{namespace}/imagestreamimports")
    public Uni<Response> create(@PathParam("namespace") String namespace, @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        ImageStreamImport requested = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM_IMPORT, ImageStreamImport.class);
        return imports.create(namespace, requested).map(answer -> Response.status(201).entity(answer).build());
    }
}
