package io.imagestreams.stream.rest;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStreamMapping;
import io.imagestreams.stream.rest.table.ImageTables;
import io.imagestreams.stream.service.ImageService;
import io.imagestreams.stream.service.ImageStreamMappingService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cluster-scoped {@code images} and the namespaced {@code imagestreammappings} that create them on push. */
@Path("/apis/image.openshift.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ImageResource {

    private final ImageService images;
    private final ImageStreamMappingService mappings;

    public ImageResource(ImageService images, ImageStreamMappingService mappings) {
        this.images = images;
        this.mappings = mappings;
    }

    @GET
    @Path("images")
    public Uni<Response> list(@QueryParam("limit") Integer limit, @QueryParam("continue") String continueToken,
            @HeaderParam("Accept") String accept, @QueryParam("includeObject") String includeObject) {
        return images.list(limit, continueToken).map(list -> Representations.render(accept, includeObject, list, o -> ImageTables.images(list, o)));
    }

    @GET
    @Path("images/{name}")
    public Uni<Response> get(@PathParam("name") String name, @HeaderParam("Accept") String accept,
            @QueryParam("includeObject") String includeObject) {
        return images.get(name).map(image -> Representations.render(accept, includeObject, image, o -> ImageTables.image(image, o)));
    }

    @POST
    @Path("images")
    public Uni<Response> create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        Image image = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE, Image.class);
        return images.create(image).map(created -> Response.status(201).entity(created).build());
    }

    @DELETE
    @Path("images/{name}")
    public Uni<Response> delete(@PathParam("name") String name) {
        return images.delete(name).map(status -> Response.ok(status).build());
    }

    @POST
    @Path("namespaces/{namespace}/imagestreammappings")
    public Uni<Response> map(@PathParam("namespace") String namespace, @HeaderParam("Content-Type") String contentType, byte[] body) {
        ImageStreamMapping mapping = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM_MAPPING, ImageStreamMapping.class);
        return mappings.create(namespace, mapping).map(status -> Response.status(201).entity(status).build());
    }
}
