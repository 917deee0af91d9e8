package io.imagestreams.trigger.rest;

import io.imagestreams.trigger.service.TriggerRequest;
import io.imagestreams.trigger.service.WebhookTriggerService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Webhook triggers: {@code /api/v1/triggers}. */
@Path("/api/v1/triggers")
@Produces(MediaType.APPLICATION_JSON)
public class TriggerResource {

    private final WebhookTriggerService triggers;

    public TriggerResource(WebhookTriggerService triggers) {
        this.triggers = triggers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTrigger(String body) {
        var created = triggers.create(RequestBodies.read(body, TriggerRequest.class));
        return Response.created(URI.create("/api/v1/triggers/" + created.trigger().id()))
                .entity(Representations.trigger(created.trigger(), created.secret())).build();
    }

    @GET
    public Representations.TriggerList listTriggers(@QueryParam("namespace") String namespace) {
        return new Representations.TriggerList(triggers.list(namespace == null || namespace.isEmpty() ? null : namespace)
                .stream().map(t -> Representations.trigger(t, null)).toList());
    }

    @GET
    @Path("/{id}")
    public Representations.TriggerView getTrigger(@PathParam("id") String id) {
        return Representations.trigger(triggers.find(id), null);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Representations.TriggerView replaceTrigger(@PathParam("id") String id, String body) {
        return Representations.trigger(triggers.update(id, RequestBodies.read(body, TriggerRequest.class)), null);
    }

    @DELETE
    @Path("/{id}")
    public Response deleteTrigger(@PathParam("id") String id) {
        triggers.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/pause")
    public Representations.TriggerView pauseTrigger(@PathParam("id") String id) {
        return Representations.trigger(triggers.pause(id), null);
    }

    @POST
    @Path("/{id}/resume")
    public Representations.TriggerView resumeTrigger(@PathParam("id") String id) {
        return Representations.trigger(triggers.resume(id), null);
    }

    @POST
    @Path("/{id}/fire")
    public Response fireTrigger(@PathParam("id") String id) {
        return Response.accepted(new Representations.Fired(triggers.fire(id))).build();
    }
}
