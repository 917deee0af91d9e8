package io.imagestreams.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Label selectors and NetworkPolicy ingress rules, evaluated as the API server and network plugins do. */
final class Selectors {

    private Selectors() {
    }

    /** A pod as a NetworkPolicy sees it: where it runs, its labels, and its containers' ports. */
    record Pod(String namespace, Map<String, String> labels, List<ContainerPort> ports) {

        static Pod of(String namespace, PodTemplateSpec template) {
            return new Pod(namespace, template.getMetadata().getLabels(),
                    template.getSpec().getContainers().stream().map(Container::getPorts).filter(p -> p != null)
                            .flatMap(List::stream).toList());
        }

        static Pod client(String namespace, Map<String, String> labels) {
            return new Pod(namespace, labels, List.of());
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        Optional<Integer> port(IntOrString port) {
            if (port.getIntVal() != null) {
                return Optional.of(port.getIntVal());
            }
            return ports.stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst();
        }
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> label : selector.getMatchLabels().entrySet()) {
                if (!label.getValue().equals(actual.get(label.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = actual.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        return selector != null && !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }

    /** Whether a NetworkPolicy peer admits a client pod (policy in {@code policyNamespace}). */
    static boolean admits(NetworkPolicyPeer peer, String policyNamespace, Pod client) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? client.namespace().equals(policyNamespace)
                : matches(peer.getNamespaceSelector(), client.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), client.labels());
        return namespaceOk && podOk;
    }

    /** Whether the NetworkPolicies let {@code client} connect to TCP {@code port} of {@code target}. */
    static boolean allowed(List<NetworkPolicy> policies, Pod target, Pod client, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getMetadata().getNamespace() == null || p.getMetadata().getNamespace().equals(target.namespace()))
                .filter(p -> matches(p.getSpec().getPodSelector(), target.labels()))
                .filter(p -> p.getSpec().getPolicyTypes() == null || p.getSpec().getPolicyTypes().contains("Ingress"))
                .toList();
        if (selecting.isEmpty()) {
            return true; // not isolated
        }
        for (NetworkPolicy policy : selecting) {
            String namespace = policy.getMetadata().getNamespace() == null ? target.namespace() : policy.getMetadata().getNamespace();
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                boolean fromOk = rule.getFrom() == null || rule.getFrom().isEmpty()
                        || rule.getFrom().stream().anyMatch(peer -> admits(peer, namespace, client));
                boolean portOk = rule.getPorts() == null || rule.getPorts().isEmpty()
                        || rule.getPorts().stream().anyMatch(p -> portMatches(p, target, port));
                if (fromOk && portOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portMatches(NetworkPolicyPort rule, Pod target, int port) {
        if (rule.getProtocol() != null && !rule.getProtocol().equals("TCP")) {
            return false;
        }
        if (rule.getPort() == null) {
            return true;
        }
        Optional<Integer> resolved = target.port(rule.getPort());
        if (resolved.isEmpty()) {
            return false;
        }
        int end = rule.getEndPort() == null ? resolved.get() : rule.getEndPort();
        return resolved.get() <= port && port <= end;
    }
}
