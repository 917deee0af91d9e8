package io.imagestreams.trigger.kubernetes;

import io.imagestreams.trigger.config.TriggerServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Whether workload triggers run, and how the watch of the cluster is doing; for the status API and health. */
@ApplicationScoped
public class WorkloadTriggerStatus {

    static final String DISABLED_MESSAGE = "workload triggers are disabled: no Kubernetes access configured "
            + "(set imagestreams.kubernetes.enabled=true); webhook triggers work";

    private final boolean enabled;
    private final List<String> namespaces;
    private final AtomicReference<String> state = new AtomicReference<>("starting");
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public WorkloadTriggerStatus(TriggerServiceConfig config) {
        this.enabled = config.kubernetes().enabled();
        this.namespaces = config.kubernetes().namespaces().orElse(List.of());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Watched namespaces; empty = all. */
    public List<String> namespaces() {
        return namespaces;
    }

    public String state() {
        return enabled ? state.get() : "disabled";
    }

    public String message() {
        if (!enabled) {
            return DISABLED_MESSAGE;
        }
        String error = lastError.get();
        return error == null ? "watching " + (namespaces.isEmpty() ? "all namespaces" : String.join(", ", namespaces))
                : "last error: " + error;
    }

    void watching() {
        state.set("watching");
        lastError.set(null);
    }

    void failed(String error) {
        state.set("degraded");
        lastError.set(error);
    }
}
