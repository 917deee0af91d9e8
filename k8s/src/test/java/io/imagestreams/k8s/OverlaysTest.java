package io.imagestreams.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay as {@code kubectl kustomize} renders it (locally, no cluster), checked like the base plus what the
 * overlay promises. Skipped where kubectl is not installed.
 */
class OverlaysTest {

    private static final Set<String> SERVICE_KINDS = Set.of("Namespace", "ServiceAccount", "ConfigMap", "Deployment", "Service",
            "NetworkPolicy", "Ingress", "ClusterRole", "ClusterRoleBinding");
    private static final Set<String> INFRA_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database", "StatefulSet");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production", "aggregated"})
    void rendersAndPassesEveryCheck(String overlay) {
        Optional<Path> kubectl = ManifestSet.kubectl();
        assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH");
        ManifestSet set = ManifestSet.render(kubectl.get(), Project.k8s().resolve("overlays").resolve(overlay));

        Set<String> kinds = new TreeSet<>();
        set.objects().forEach(o -> kinds.add(o.getKind()));
        assertThat(kinds).as(overlay + " kinds").containsAll(SERVICE_KINDS).containsAll(INFRA_KINDS);
        for (HasMetadata object : set.objects()) {
            if (!Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "APIService").contains(object.getKind())) {
                // the aggregated API server reads kube-system's extension-apiserver-authentication: a RoleBinding there
                String expected = object.getKind().equals("RoleBinding") && overlay.equals("aggregated") ? "kube-system" : Project.NAMESPACE;
                assertThat(object.getMetadata().getNamespace()).as(overlay + ": " + object.getKind() + " " + object.getMetadata().getName())
                        .isEqualTo(expected);
            }
        }

        ManifestChecks.deployments(set);
        ManifestChecks.services(set);
        ManifestChecks.autoscalingAndBudgets(set, !overlay.equals("dev"));
        ManifestChecks.environment(set);
        ManifestChecks.secrets(set);
        ManifestChecks.rbac(set);
        ManifestChecks.networkPolicies(set);
        ManifestChecks.ingress(set);
        ManifestChecks.kafka(set);
        ManifestChecks.postgres(set);
        ManifestChecks.mongodb(set);

        if (overlay.equals("dev")) {
            dev(set);
        } else {
            production(set);
        }
        if (overlay.equals("aggregated")) {
            ManifestChecks.aggregatedApi(set);
        } else {
            assertThat(ManifestChecks.aggregated(set)).as(overlay + ": stream-service is no aggregated API server").isFalse();
            assertThat(kinds).as(overlay + " kinds").doesNotContain("APIService");
        }
    }

    private static void dev(ManifestSet set) {
        for (String name : Project.SERVICES) {
            assertThat(set.deployment(name).getSpec().getReplicas()).as("dev: " + name + " replicas").isEqualTo(1);
            assertThat(memoryLimit(set.deployment(name))).as("dev: " + name + " memory limit")
                    .isLessThanOrEqualTo(memoryLimit(ManifestSet.baseWithComponents().deployment(name)));
        }
        assertThat(set.all(HorizontalPodAutoscaler.class)).as("dev: no HPA").isEmpty();
        assertThat(set.all(PodDisruptionBudget.class)).as("dev: no PDB").isEmpty();
        assertThat(ManifestChecks.spec(set.custom("KafkaNodePool").get(0), "replicas")).as("dev: one Kafka node").isEqualTo(1);
        assertThat(ManifestChecks.spec(set.custom("Cluster").get(0), "instances")).as("dev: one PostgreSQL instance").isEqualTo(1);
    }

    private static void production(ManifestSet set) {
        for (String name : Project.SCALABLE) {
            Deployment deployment = set.deployment(name);
            assertThat(deployment.getSpec().getReplicas()).as("production: " + name + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(set.get(HorizontalPodAutoscaler.class, name).getSpec().getMinReplicas()).as("production: " + name + " HPA min")
                    .isGreaterThanOrEqualTo(2);
            PodDisruptionBudget pdb = set.get(PodDisruptionBudget.class, name);
            assertThat(pdb.getSpec().getMinAvailable()).as("production: " + name + " PDB minAvailable").isNotNull();
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).as("production: " + name + " PDB minAvailable").isEqualTo(1);
            assertThat(pdb.getSpec().getMaxUnavailable()).as("production: " + name + " PDB maxUnavailable").isNull();
        }
        for (String name : Project.SERVICES) {
            Deployment deployment = set.deployment(name);
            assertThat(memoryLimit(deployment)).as("production: " + name + " memory limit above the base's")
                    .isGreaterThan(memoryLimit(ManifestSet.baseWithComponents().deployment(name)));
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .as("production: " + name + " image is pinned").doesNotEndWith(":latest").contains(":");
        }
        assertThat(((Number) ManifestChecks.spec(set.custom("KafkaNodePool").get(0), "replicas")).intValue())
                .as("production: Kafka nodes").isGreaterThanOrEqualTo(3);
        assertThat(((Number) ManifestChecks.spec(set.custom("Cluster").get(0), "instances")).intValue())
                .as("production: PostgreSQL instances").isGreaterThanOrEqualTo(2);
        set.custom("KafkaTopic").forEach(t -> assertThat(((Number) ManifestChecks.spec(t, "replicas")).intValue())
                .as("production: " + t.getMetadata().getName() + " replicas").isGreaterThanOrEqualTo(3));
        Ingress ingress = set.all(Ingress.class).get(0);
        assertThat(ingress.getSpec().getTls()).as("production: TLS on the Ingress").isNotEmpty();
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).as("production: TLS covers the Ingress host")
                .contains(ingress.getSpec().getRules().get(0).getHost());
    }

    private static java.math.BigDecimal memoryLimit(Deployment deployment) {
        Map<String, Quantity> limits = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits();
        return ManifestChecks.amount(limits.get("memory"));
    }
}
