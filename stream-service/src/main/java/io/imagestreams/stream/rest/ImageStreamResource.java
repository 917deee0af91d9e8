package io.imagestreams.stream.rest;

import io.imagestreams.api.image.ImageApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.rest.patch.PatchSchema;
import io.imagestreams.stream.rest.patch.Patches;
import io.imagestreams.stream.rest.table.ImageTables;
import io.imagestreams.stream.service.ImageStreamService;
import io.imagestreams.stream.service.ListOptions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** {@code imagestreams} and {@code imagestreams/status} of {@code image.openshift.io/v1}. */
@Path("/apis/image.openshift.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ImageStreamResource {

    private static final int MAX_PATCH_ATTEMPTS = 5;

    private final ImageStreamService streams;
    private final Clock clock;

    public ImageStreamResource(ImageStreamService streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    @GET
    @Path("imagestreams")
    public Uni<Response> listAll(@QueryParam("labelSelector") String labelSelector, @QueryParam("fieldSelector") String fieldSelector,
            @QueryParam("limit") Integer limit, @QueryParam("continue") String continueToken,
            @HeaderParam("Accept") String accept, @QueryParam("includeObject") String includeObject) {
        return streams.list(ListOptions.of(null, labelSelector, fieldSelector, limit, continueToken))
                .map(list -> Representations.render(accept, includeObject, list, o -> ImageTables.imageStreams(list, o, clock.instant())));
    }

    @GET
    @Path("namespaces/{namespace}/imagestreams")
    public Uni<Response> list(@PathParam("namespace") String namespace, @QueryParam("labelSelector") String labelSelector,
            @QueryParam("fieldSelector") String fieldSelector, @QueryParam("limit") Integer limit,
            @QueryParam("continue") String continueToken, @HeaderParam("Accept") String accept,
            @QueryParam("includeObject") String includeObject) {
        return streams.list(ListOptions.of(namespace, labelSelector, fieldSelector, limit, continueToken))
                .map(list -> Representations.render(accept, includeObject, list, o -> ImageTables.imageStreams(list, o, clock.instant())));
    }

    @POST
    @Path("namespaces/{namespace}/imagestreams")
    public Uni<Response> create(@PathParam("namespace") String namespace, @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        ImageStream requested = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM, ImageStream.class);
        return streams.create(namespace, requested).map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @Path("namespaces/{namespace}/imagestreams/{name}")
    public Uni<Response> get(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Accept") String accept, @QueryParam("includeObject") String includeObject) {
        return streams.get(namespace, name)
                .map(stream -> Representations.render(accept, includeObject, stream, o -> ImageTables.imageStream(stream, o, clock.instant())));
    }

    @PUT
    @Path("namespaces/{namespace}/imagestreams/{name}")
    public Uni<ImageStream> update(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        ImageStream requested = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM, ImageStream.class);
        return streams.update(namespace, name, requested);
    }

    @PATCH
    @Path("namespaces/{namespace}/imagestreams/{name}")
    public Uni<ImageStream> patch(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return patch(namespace, name, contentType, body, false, MAX_PATCH_ATTEMPTS);
    }

    @PATCH
    @Path("namespaces/{namespace}/imagestreams/{name}/status")
    public Uni<ImageStream> patchStatus(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return patch(namespace, name, contentType, body, true, MAX_PATCH_ATTEMPTS);
    }

    /**
     * Applies the patch to the current stream and stores the result as an update guarded by the version it was
     * read at. A concurrent write makes that a conflict; then the patch is applied again to the new version,
     * unless the patch itself named a resourceVersion (then the conflict is the client's answer).
     */
    private Uni<ImageStream> patch(String namespace, String name, String contentType, byte[] body, boolean status, int attempts) {
        return streams.get(namespace, name).flatMap(current -> {
            String readVersion = current.getMetadata().getResourceVersion();
            JsonNode patched = Patches.apply(RequestBodies.json().valueToTree(current), body, contentType, PatchSchema.IMAGE_STREAM);
            ImageStream requested = Patches.decode(patched, ImageApi.KIND_IMAGE_STREAM, ImageStream.class);
            boolean versionFromPatch = requested.getMetadata() != null
                    && !readVersion.equals(requested.getMetadata().getResourceVersion());
            Uni<ImageStream> write = status ? streams.updateStatus(namespace, name, requested) : streams.update(namespace, name, requested);
            return write.onFailure(e -> !versionFromPatch && attempts > 1 && e instanceof StatusException se && se.code() == 409)
                    .recoverWithUni(e -> patch(namespace, name, contentType, body, status, attempts - 1));
        });
    }

    @GET
    @Path("namespaces/{namespace}/imagestreams/{name}/status")
    public Uni<ImageStream> getStatus(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return streams.get(namespace, name);
    }

    @PUT
    @Path("namespaces/{namespace}/imagestreams/{name}/status")
    public Uni<ImageStream> updateStatus(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        ImageStream requested = RequestBodies.read(body, contentType, ImageApi.KIND_IMAGE_STREAM, ImageStream.class);
        return streams.updateStatus(namespace, name, requested);
    }

    @DELETE
    @Path("namespaces/{namespace}/imagestreams/{name}")
    public Uni<Response> delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return streams.delete(namespace, name).map(status -> Response.ok(status).build());
    }

    @DELETE
    @Path("namespaces/{namespace}/imagestreams")
    public Uni<Response> deleteCollection(@PathParam("namespace") String namespace, @QueryParam("labelSelector") String labelSelector,
            @QueryParam("fieldSelector") String fieldSelector) {
        return streams.deleteCollection(ListOptions.of(namespace, labelSelector, fieldSelector, null, null))
                .map(list -> Response.ok(list).build());
    }
}
