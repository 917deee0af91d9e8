package io.imagestreams.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.k8s.Project.Grant;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes access: exactly what trigger-service and prune-service use, nothing for the others; stream-service
 * only as an aggregated API server (overlays/aggregated, checked as rendered by OverlaysTest), through the two
 * built-in roles every aggregated API server is bound to.
 */
class RbacTest {

    private static final ManifestSet BASE = ManifestSet.baseWithComponents();

    @Test
    void rolesGrantExactlyWhatTheServicesUse() {
        ManifestChecks.rbac(BASE);
    }

    @Test
    void pruneServiceReadsWorkloadsOnly() {
        assertThat(Project.pruneWorkloadReads()).extracting(Grant::toString).contains(
                "core/pods:list", "core/replicationcontrollers:list", "apps/replicasets:list", "apps/deployments:list",
                "apps/statefulsets:list", "apps/daemonsets:list", "batch/jobs:list", "batch/cronjobs:list");
        assertThat(Project.pruneWorkloadReads()).extracting(Grant::verb).containsOnly("get", "list");
    }

    @Test
    void theReadmeTablesSayWhatTheRolesGrant() {
        assertThat(Project.readmeRbacTable("RBAC for trigger-service")).extracting(Grant::toString)
                .containsExactlyInAnyOrderElementsOf(ManifestChecks.TRIGGER_GRANTS.stream().map(Grant::toString).toList());
        assertThat(Project.readmeRbacTable("RBAC for prune-service")).extracting(Grant::toString)
                .containsExactlyInAnyOrderElementsOf(Project.pruneWorkloadReads().stream().map(Grant::toString).toList());
    }

    @Test
    void theReadmeTableSaysWhatStreamServiceAsksOfTheClusterAsAnAggregatedApiServer() {
        assertThat(Project.streamKubernetesCalls()).extracting(Grant::toString)
                .containsExactlyInAnyOrder("authorization.k8s.io/subjectaccessreviews:create", "core/configmaps:get");
        assertThat(Project.readmeRbacTable("RBAC for stream-service")).extracting(Grant::toString)
                .containsExactlyInAnyOrderElementsOf(Project.streamKubernetesCalls().stream().map(Grant::toString).toList());
    }
}
