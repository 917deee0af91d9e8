package io.imagestreams.stream.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.stream.rest.patch.PatchSchema;
import io.imagestreams.stream.rest.patch.Patches;
import io.imagestreams.stream.rest.table.ImageTables;
import io.imagestreams.stream.service.ImageStreamTagService;
import io.imagestreams.stream.service.ListOptions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** {@code imagestreamtags} ({@code <stream>:<tag>}) and {@code imagestreamimages} ({@code <stream>@<id>}). */
@Path("/apis/image.openshift.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ImageStreamTagResource {

    private final ImageStreamTagService tags;
    private final Clock clock;

    public ImageStreamTagResource(ImageStreamTagService tags, Clock clock) {
        this.tags = tags;
        this.clock = clock;
    }

    @GET
    @Path("imagestreamtags")
    public Uni<Response> listAll(@QueryParam("labelSelector") String labelSelector, @HeaderParam("Accept") String accept,
            @QueryParam("includeObject") String includeObject) {
        return list(null, labelSelector, accept, includeObject);
    }

    @GET
    @Path("namespaces/{namespace}/imagestreamtags")
    public Uni<Response> list(@PathParam("namespace") String namespace, @QueryParam("labelSelector") String labelSelector,
            @HeaderParam("Accept") String accept, @QueryParam("includeObject") String includeObject) {
        return tags.list(ListOptions.of(namespace, labelSelector, null, null, null))
                .map(list -> Representations.render(accept, includeObject, list, o -> ImageTables.imageStreamTags(list, o, clock.instant())));
    }

    @GET
    @Path("namespaces/{namespace}/imagestreamtags/{name}")
    public Uni<Response> get(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Accept") String accept, @QueryParam("includeObject") String includeObject) {
        return tags.get(namespace, name)
                .map(istag -> Representations.render(accept, includeObject, istag, o -> ImageTables.imageStreamTag(istag, o, clock.instant())));
    }

    @POST
    @Path("namespaces/{namespace}/imagestreamtags")
    public Uni<Response> create(@PathParam("namespace") String namespace, @HeaderParam("Content-Type") String contentType, byte[] body) {
        ImageStreamTag requested = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM_TAG, ImageStreamTag.class);
        return tags.create(namespace, requested).map(istag -> Response.status(201).entity(istag).build());
    }

    @PUT
    @Path("namespaces/{namespace}/imagestreamtags/{name}")
    public Uni<Response> update(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        ImageStreamTag requested = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM_TAG, ImageStreamTag.class);
        return tags.update(namespace, name, requested).map(written -> written(written, name));
    }

    /** PATCH as read, patch, update; the stream's resourceVersion in the istag guards against concurrent writes. */
    @PATCH
    @Path("namespaces/{namespace}/imagestreamtags/{name}")
    public Uni<Response> patch(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return tags.getForPatch(namespace, name).flatMap(current -> {
            JsonNode patched = Patches.apply(RequestBodies.json().valueToTree(current), body, contentType, PatchSchema.IMAGE_STREAM_TAG);
            ImageStreamTag requested = Patches.decode(patched, ImageApi.KIND_IMAGE_STREAM_TAG, ImageStreamTag.class);
            return tags.update(namespace, name, requested);
        }).map(written -> written(written, name));
    }

    private static Response written(ImageStreamTagService.Written written, String name) {
        String tag = name.substring(name.indexOf(':') + 1);
        return Response.status(written.created() ? 201 : 200).entity(written.istag(tag)).build();
    }

    @DELETE
    @Path("namespaces/{namespace}/imagestreamtags/{name}")
    public Uni<Response> delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return tags.delete(namespace, name).map(status -> Response.ok(status).build());
    }

    @GET
    @Path("namespaces/{namespace}/imagestreamimages/{name}")
    public Uni<Response> getImage(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Accept") String accept, @QueryParam("includeObject") String includeObject) {
        return tags.getImage(namespace, name).map(isimage ->
                Representations.render(accept, includeObject, isimage, o -> ImageTables.imageStreamImage(isimage, o, clock.instant())));
    }
}
