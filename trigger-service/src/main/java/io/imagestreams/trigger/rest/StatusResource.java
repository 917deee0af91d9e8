package io.imagestreams.trigger.rest;

import io.imagestreams.trigger.kubernetes.WorkloadTriggerStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/status}: which kinds of triggers run. */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final WorkloadTriggerStatus workloads;

    public StatusResource(WorkloadTriggerStatus workloads) {
        this.workloads = workloads;
    }

    record Status(WorkloadTriggers workloadTriggers, Webhooks webhooks) {
    }

    record WorkloadTriggers(boolean enabled, String state, List<String> namespaces, String message) {
    }

    record Webhooks(boolean enabled) {
    }

    @GET
    public Status getStatus() {
        return new Status(new WorkloadTriggers(workloads.enabled(), workloads.state(), workloads.namespaces(),
                workloads.message()), new Webhooks(true));
    }
}
