package io.imagestreams.prune.client;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.imagestreams.prune.service.WorkloadReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the container images of every workload in the cluster (OpenShift reference §7): Pods that are Running or
 * Pending or younger than keep-younger-than, ReplicationControllers, ReplicaSets, Deployments, StatefulSets,
 * DaemonSets, Jobs and CronJobs. Any read failure propagates: a run never prunes blind.
 */
@ApplicationScoped
public class KubernetesWorkloads {

    private final Instance<KubernetesClient> client;

    public KubernetesWorkloads(Instance<KubernetesClient> client) {
        this.client = client;
    }

    /** Blocking: call from a worker thread. */
    public WorkloadReferences read(Instant youngerThan) {
        KubernetesClient kubernetes = client.get();
        WorkloadReferences references = WorkloadReferences.none();
        for (Pod pod : kubernetes.pods().inAnyNamespace().list().getItems()) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            String created = pod.getMetadata().getCreationTimestamp();
            boolean young = created != null && Instant.parse(created).isAfter(youngerThan);
            if ("Running".equals(phase) || "Pending".equals(phase) || young) {
                add(references, pod, pod.getSpec());
            }
        }
        addTemplates(references, kubernetes.replicationControllers().inAnyNamespace().list().getItems(), rc -> rc.getSpec() == null ? null : rc.getSpec().getTemplate());
        addTemplates(references, kubernetes.apps().replicaSets().inAnyNamespace().list().getItems(), rs -> rs.getSpec() == null ? null : rs.getSpec().getTemplate());
        addTemplates(references, kubernetes.apps().deployments().inAnyNamespace().list().getItems(), d -> d.getSpec() == null ? null : d.getSpec().getTemplate());
        addTemplates(references, kubernetes.apps().statefulSets().inAnyNamespace().list().getItems(), s -> s.getSpec() == null ? null : s.getSpec().getTemplate());
        addTemplates(references, kubernetes.apps().daemonSets().inAnyNamespace().list().getItems(), d -> d.getSpec() == null ? null : d.getSpec().getTemplate());
        addTemplates(references, kubernetes.batch().v1().jobs().inAnyNamespace().list().getItems(), j -> j.getSpec() == null ? null : j.getSpec().getTemplate());
        addTemplates(references, kubernetes.batch().v1().cronjobs().inAnyNamespace().list().getItems(),
                c -> c.getSpec() == null || c.getSpec().getJobTemplate() == null || c.getSpec().getJobTemplate().getSpec() == null ? null
                        : c.getSpec().getJobTemplate().getSpec().getTemplate());
        return references;
    }

    private static <T extends HasMetadata> void addTemplates(WorkloadReferences references, List<T> workloads,
            Function<T, PodTemplateSpec> template) {
        for (T workload : workloads) {
            PodTemplateSpec spec = workload.getMetadata() == null ? null : template.apply(workload);
            if (spec != null) {
                add(references, workload, spec.getSpec());
            }
        }
    }

    private static void add(WorkloadReferences references, HasMetadata workload, PodSpec spec) {
        if (spec == null) {
            return;
        }
        String namespace = workload.getMetadata().getNamespace();
        addAll(references, namespace, workload.getKind(), workload.getMetadata().getName(), spec.getContainers());
        addAll(references, namespace, workload.getKind(), workload.getMetadata().getName(), spec.getInitContainers());
    }

    private static void addAll(WorkloadReferences references, String namespace, String kind, String name, List<Container> containers) {
        if (containers != null) {
            containers.forEach(container -> references.add(namespace, kind, name, container.getImage()));
        }
    }
}
