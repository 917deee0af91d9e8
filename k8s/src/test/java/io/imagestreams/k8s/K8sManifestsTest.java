package io.imagestreams.k8s;

import org.junit.jupiter.api.Test;

/** The base with its components: workloads, Services, autoscaling, disruption budgets, network policies, Ingress. */
class K8sManifestsTest {

    private static final ManifestSet BASE = ManifestSet.baseWithComponents();

    @Test
    void deploymentsHaveProbesResourcesAndARestrictedSecurityContext() {
        ManifestChecks.deployments(BASE);
    }

    @Test
    void servicesSelectOneWorkloadAndTargetItsContainerPorts() {
        ManifestChecks.services(BASE);
    }

    @Test
    void autoscalersAndDisruptionBudgetsMatchTheDeployments() {
        ManifestChecks.autoscalingAndBudgets(BASE, true);
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowWhatEachServiceNeeds() {
        ManifestChecks.networkPolicies(BASE);
    }

    @Test
    void ingressRoutesDiscoveryAndEveryPublicApiToItsService() {
        ManifestChecks.ingress(BASE);
    }
}
