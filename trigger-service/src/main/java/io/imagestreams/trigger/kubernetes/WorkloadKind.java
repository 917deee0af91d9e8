package io.imagestreams.trigger.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.Optional;
import java.util.function.Function;

/** The workload kinds whose {@code image.openshift.io/triggers} annotation is honoured, as OpenShift's controller registers them. */
public enum WorkloadKind {

    DEPLOYMENT("Deployment", "apps/v1", Deployment.class, "spec.template.spec",
            o -> Optional.ofNullable(((Deployment) o).getSpec()).map(s -> s.getTemplate()).map(t -> t.getSpec()).orElse(null)),
    STATEFUL_SET("StatefulSet", "apps/v1", StatefulSet.class, "spec.template.spec",
            o -> Optional.ofNullable(((StatefulSet) o).getSpec()).map(s -> s.getTemplate()).map(t -> t.getSpec()).orElse(null)),
    DAEMON_SET("DaemonSet", "apps/v1", DaemonSet.class, "spec.template.spec",
            o -> Optional.ofNullable(((DaemonSet) o).getSpec()).map(s -> s.getTemplate()).map(t -> t.getSpec()).orElse(null)),
    CRON_JOB("CronJob", "batch/v1", CronJob.class, "spec.jobTemplate.spec.template.spec",
            o -> Optional.ofNullable(((CronJob) o).getSpec()).map(s -> s.getJobTemplate()).map(j -> j.getSpec())
                    .map(j -> j.getTemplate()).map(t -> t.getSpec()).orElse(null));

    private final String kind;
    private final String apiVersion;
    private final Class<? extends HasMetadata> type;
    private final String podSpecPath;
    private final Function<HasMetadata, PodSpec> podSpec;

    WorkloadKind(String kind, String apiVersion, Class<? extends HasMetadata> type, String podSpecPath,
            Function<HasMetadata, PodSpec> podSpec) {
        this.kind = kind;
        this.apiVersion = apiVersion;
        this.type = type;
        this.podSpecPath = podSpecPath;
        this.podSpec = podSpec;
    }

    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Class<? extends HasMetadata> type() {
        return type;
    }

    /** Where the pod spec sits, as trigger field paths spell it ({@code spec.template.spec}). */
    public String podSpecPath() {
        return podSpecPath;
    }

    /** The same place as a JSON pointer ({@code /spec/template/spec}). */
    public String podSpecPointer() {
        return "/" + podSpecPath.replace('.', '/');
    }

    public PodSpec podSpec(HasMetadata workload) {
        return podSpec.apply(workload);
    }

    public static Optional<WorkloadKind> of(String kind) {
        for (WorkloadKind k : values()) {
            if (k.kind.equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
