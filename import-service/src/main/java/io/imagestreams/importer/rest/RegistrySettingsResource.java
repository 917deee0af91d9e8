package io.imagestreams.importer.rest;

import io.imagestreams.importer.repository.RegistrySettingsRepository;
import io.imagestreams.importer.repository.RegistrySettingsRepository.RegistrySettings;
import io.imagestreams.importer.service.ApiException;
import io.imagestreams.importer.service.RegistryHosts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/registries/{registry}}: per-registry settings, e.g. a registry every import may reach insecurely. */
@Path("/api/v1/registries")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrySettingsResource {

    /** The settings a PUT takes. */
    public record RegistrySettingsBody(Boolean insecure) {
    }

    private final RegistrySettingsRepository settings;
    private final Clock clock;

    public RegistrySettingsResource(RegistrySettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List registries with settings")
    public List<RegistrySettings> list() {
        return settings.list();
    }

    @GET
    @Path("{registry}")
    @Operation(summary = "One registry's settings")
    public RegistrySettings get(@PathParam("registry") String registry) {
        return settings.find(RegistryHosts.normalize(registry)).orElseThrow(() -> notFound(registry));
    }

    @PUT
    @Path("{registry}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a registry's settings ({\"insecure\": true} allows plain HTTP and unverified TLS)")
    public Response put(@PathParam("registry") String registry, RegistrySettingsBody body) {
        if (body == null || body.insecure() == null) {
            throw ApiException.badRequest("insecure", "insecure (true or false) is required");
        }
        String host = RegistryHosts.normalize(registry);
        if (host.isEmpty() || !host.matches("[a-z0-9.\\-\\[\\]:]+")) {
            throw ApiException.badRequest("registry", "\"" + registry + "\" is not a registry host[:port]");
        }
        RegistrySettings stored = new RegistrySettings(host, body.insecure(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        boolean replaced = settings.put(stored);
        return Response.status(replaced ? 200 : 201).entity(stored).build();
    }

    @DELETE
    @Path("{registry}")
    @Operation(summary = "Remove a registry's settings")
    public Response delete(@PathParam("registry") String registry) {
        if (!settings.delete(RegistryHosts.normalize(registry))) {
            throw notFound(registry);
        }
        return Response.noContent().build();
    }

    private static ApiException notFound(String registry) {
        return ApiException.notFound("registry " + registry + " has no settings");
    }
}
