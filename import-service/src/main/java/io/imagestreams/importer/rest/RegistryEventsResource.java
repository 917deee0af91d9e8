package io.imagestreams.importer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.importer.service.ApiException;
import io.imagestreams.importer.service.RegistryEventsService;
import io.imagestreams.importer.service.RegistryEventsService.Accepted;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/registry-events}: docker distribution notification envelopes
 * ({@code application/vnd.docker.distribution.events.v1+json}), authenticated by
 * {@code Authorization: Bearer <imagestreams.notifications.secret>} set in the registry's endpoint headers.
 */
@Path("/api/v1/registry-events")
public class RegistryEventsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryEventsService events;

    public RegistryEventsResource(RegistryEventsService events) {
        this.events = events;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a registry push notification; scheduled tags of the pushed repository:tag are checked at once")
    public Accepted receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        events.authenticate(authorization);
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest(null, "the body is not a notification envelope (JSON)");
        }
        return events.accept(envelope);
    }
}
