package io.imagestreams.trigger.health;

import io.imagestreams.trigger.kubernetes.WorkloadTriggerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether workload triggers run. Always UP: disabled is a configuration choice, and a cluster outage must
 * not take webhook deliveries out of service; the details say what is going on.
 */
@Readiness
@ApplicationScoped
public class WorkloadTriggersHealthCheck implements HealthCheck {

    private final WorkloadTriggerStatus status;

    public WorkloadTriggersHealthCheck(WorkloadTriggerStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("workload-triggers").up()
                .withData("enabled", status.enabled())
                .withData("state", status.state())
                .withData("message", status.message())
                .build();
    }
}
