package io.imagestreams.prune.rest;

import io.imagestreams.prune.repository.PolicyRepository;
import io.imagestreams.prune.service.PolicyService;
import io.imagestreams.prune.service.PolicyService.Policy;
import io.imagestreams.prune.service.PolicyService.PolicyRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/policies/default} and {@code /api/v1/policies/{namespace}}. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;

    public PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Path("{namespace}")
    public Uni<Policy> get(@PathParam("namespace") String namespace) {
        return policies.get(key(namespace));
    }

    @PUT
    @Path("{namespace}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Policy> put(@PathParam("namespace") String namespace, byte[] body) {
        return policies.put(key(namespace), RequestBodies.read(body, PolicyRequest.class));
    }

    /** {@code default} names the default policy. */
    private static String key(String namespace) {
        return "default".equals(namespace) ? PolicyRepository.DEFAULT : namespace;
    }
}
