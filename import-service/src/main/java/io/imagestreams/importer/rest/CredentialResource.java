package io.imagestreams.importer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.importer.service.ApiException;
import io.imagestreams.importer.service.CredentialService;
import io.imagestreams.importer.service.CredentialService.CredentialsView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/credentials/{namespace}}: pull credentials for imports into a namespace, given as the content of
 * a {@code kubernetes.io/dockerconfigjson} secret. Write-only: answers list registry hosts, never secrets.
 */
@Path("/api/v1/credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialService credentials;

    public CredentialResource(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GET
    @Operation(summary = "List namespaces with pull credentials and their registry hosts")
    public List<CredentialsView> list() {
        return credentials.list();
    }

    @GET
    @Path("{namespace}")
    @Operation(summary = "The registry hosts a namespace has pull credentials for")
    public CredentialsView get(@PathParam("namespace") String namespace) {
        return credentials.find(namespace).orElseThrow(() -> notFound(namespace));
    }

    @PUT
    @Path("{namespace}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a namespace's pull credentials from a docker config JSON ({\"auths\": {...}})")
    public Response put(@PathParam("namespace") String namespace, String body) {
        JsonNode dockerConfig;
        try {
            dockerConfig = JSON.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest(null, "the body is not valid JSON");
        }
        boolean replaced = credentials.put(namespace, dockerConfig);
        CredentialsView view = credentials.find(namespace).orElseThrow();
        return Response.status(replaced ? 200 : 201).entity(view).build();
    }

    @DELETE
    @Path("{namespace}")
    @Operation(summary = "Remove a namespace's pull credentials")
    public Response delete(@PathParam("namespace") String namespace) {
        if (!credentials.delete(namespace)) {
            throw notFound(namespace);
        }
        return Response.noContent().build();
    }

    private static ApiException notFound(String namespace) {
        return ApiException.notFound("namespace " + namespace + " has no pull credentials");
    }
}
