package io.imagestreams.prune.rest;

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
import java.util.UUID;

/** {@code /api/v1/runs}: start a run (dry run unless {@code confirm}), read runs and plans, undo. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final int MAX_LIST = 500;

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
