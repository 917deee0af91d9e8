package io.imagestreams.prune.rest;

import io.imagestreams.prune.service.Planner;
import io.imagestreams.prune.service.RunService;
import io.imagestreams.prune.service.RunService.RunRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/v1/runs}: start a run (dry run unless {@code confirm}), read runs and their plans page by page, undo. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final int MAX_LIST = 500;
    private static final int MAX_PAGE = 1000;

    private final RunService runs;

    public RunResource(RunService runs) {
        this.runs = runs;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> start(byte[] body) {
        RunRequest request = RequestBodies.read(body, RunRequest.class);
        return runs.start(request, "api").map(id -> Response.accepted(new JsonObject().put("id", id.toString()).put("state", RunService.PLANNING)
                .encode()).location(URI.create("/api/v1/runs/" + id)).build());
    }

    @GET
    public Uni<Response> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIST);
        }
        return runs.list(limit).map(list -> Response.ok(new JsonObject().put("items", new JsonArray(list)).encode()).build());
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return runs.view(runId(id)).map(view -> Response.ok(view.encode()).build());
    }

    /** The history entries of a run's plan, a page at a time: {@code ?action=Keep|Remove&after=<next>&limit=<1..1000>}. */
    @GET
    @Path("{id}/items")
    public Uni<Response> items(@PathParam("id") String id, @QueryParam("action") String action, @QueryParam("after") Integer after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return page(id, false, action, after, limit);
    }

    /** The images of a run's plan (runs over all namespaces), a page at a time, as {@link #items}. */
    @GET
    @Path("{id}/images")
    public Uni<Response> images(@PathParam("id") String id, @QueryParam("action") String action, @QueryParam("after") Integer after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return page(id, true, action, after, limit);
    }

    private Uni<Response> page(String id, boolean images, String action, Integer after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        if (action != null && !Planner.KEEP.equals(action) && !Planner.REMOVE.equals(action)) {
            throw ApiException.badRequest("action", "action must be Keep or Remove");
        }
        if (after != null && after < 0) {
            throw ApiException.badRequest("after", "after must be the 'next' of the previous page");
        }
        return runs.items(runId(id), images, Optional.ofNullable(action), after == null ? -1 : after, limit)
                .map(page -> Response.ok(page.encode()).build());
    }

    @POST
    @Path("{id}/undo")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> undo(@PathParam("id") String id) {
        return runs.undo(runId(id)).map(view -> Response.accepted(view.encode()).build());
    }

    private static UUID runId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no run " + id);
        }
    }
}
