package io.imagestreams.trigger.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.trigger.kubernetes.WorkloadTriggerStatus;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.IndexedWorkload;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.TriggerState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/workloads[?namespace=]}: the annotated workloads trigger-service knows, each trigger with its
 * status (last image applied, last outcome, an image held by the minimum image age) and any annotation error.
 */
@Path("/api/v1/workloads")
@Produces(MediaType.APPLICATION_JSON)
public class WorkloadResource {

    private final WorkloadTriggerRepository workloads;
    private final WorkloadTriggerStatus status;

    public WorkloadResource(WorkloadTriggerRepository workloads, WorkloadTriggerStatus status) {
        this.workloads = workloads;
        this.status = status;
    }

    record WorkloadList(boolean enabled, String message, List<WorkloadView> items) {
    }

    /** @param minImageAge from {@code imagestreams.io/min-image-age}, as a Go duration; absent when none */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WorkloadView(String kind, String namespace, String name, String error, String minImageAge, String observedAt,
            List<TriggerView> triggers) {
    }

    /** @param pending the image the minimum image age holds, if any */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerView(Representations.From from, String fieldPath, String container, boolean paused, String error,
            String lastAppliedImage, String lastAppliedAt, String outcome, String message, PendingView pending) {
    }

    /**
     * @param ageFrom   where the image's age counts from: when the tag moved to it, else when the service saw the move
     * @param notBefore when it may be applied
     */
    record PendingView(String image, String ageFrom, String notBefore) {
    }

    @GET
    public WorkloadList listWorkloads(@QueryParam("namespace") String namespace) {
        List<WorkloadView> items = workloads.list(namespace == null || namespace.isEmpty() ? null : namespace).stream()
                .map(this::view).toList();
        return new WorkloadList(status.enabled(), status.message(), items);
    }

    private WorkloadView view(IndexedWorkload w) {
        List<TriggerView> triggers = w.triggers().stream().map(t -> {
            TriggerState state = workloads.state(w.key(), t.fieldPath()).orElse(null);
            return new TriggerView(new Representations.From("ImageStreamTag", t.fromNamespace(), t.fromName()), t.fieldPath(),
                    t.container(), t.paused(), t.error(), state == null ? null : state.lastAppliedImage(),
                    state == null ? null : time(state.lastAppliedAt()), state == null ? null : state.outcome(),
                    state == null ? null : state.message(), state == null || state.pending() == null ? null
                            : new PendingView(state.pending().image(), time(state.pending().ageFrom()),
                                    time(state.pending().notBefore())));
        }).toList();
        return new WorkloadView(w.kind(), w.namespace(), w.name(), w.error(),
                w.minImageAge().isZero() ? null : GoDuration.format(w.minImageAge()), time(w.observedAt()), triggers);
    }

    private static String time(Instant instant) {
        return instant == null ? null : Rfc3339.format(instant);
    }
}
