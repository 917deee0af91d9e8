package io.imagestreams.prune.rest;

import io.imagestreams.prune.repository.ProjectionStateRepository;
import io.imagestreams.prune.repository.ProjectionStateRepository.ProjectionState;
import io.imagestreams.prune.service.ProjectionRebuild;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/projection}: its state and size; {@code POST .../rebuild} re-reads the change log from the start. */
@Path("/api/v1/projection")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final Pool pool;
    private final ProjectionStateRepository state;
    private final ProjectionRebuild rebuild;

    public ProjectionResource(Pool pool, ProjectionStateRepository state, ProjectionRebuild rebuild) {
        this.pool = pool;
        this.state = state;
        this.rebuild = rebuild;
    }

    @GET
    public Uni<ProjectionState> get() {
        return pool.withConnection(state::read);
    }

    @POST
    @Path("rebuild")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response rebuild() {
        rebuild.start();
        return Response.accepted(pool.withConnection(state::read).await().indefinitely()).build();
    }
}
