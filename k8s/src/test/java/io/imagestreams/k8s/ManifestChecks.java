package io.imagestreams.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.imagestreams.k8s.Project.Grant;
import io.imagestreams.k8s.Selectors.Pod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The consistency checks, on any {@link ManifestSet}: the assembled base with its components (always), and each
 * overlay as kubectl renders it (when kubectl is installed).
 */
final class ManifestChecks {

    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";

    /** Services whose pods never call the Kubernetes API; stream-service only in the aggregated API server mode. */
    static final Set<String> NO_KUBERNETES_ACCESS = Set.of("stream-service", "import-service");

    /** The built-in roles the aggregated mode binds stream-service to (Kubernetes' bootstrap policy), with what they grant. */
    static final Map<String, Set<Grant>> DELEGATION_ROLES = Map.of(
            "ClusterRole system:auth-delegator", Set.of(new Grant("authentication.k8s.io", "tokenreviews", "create"),
                    new Grant("authorization.k8s.io", "subjectaccessreviews", "create")),
            "Role kube-system/extension-apiserver-authentication-reader", Set.of(new Grant("", "configmaps", "get"),
                    new Grant("", "configmaps", "list"), new Grant("", "configmaps", "watch")));

    /** The roles of the aggregated mode aggregated into the cluster's view, edit and admin. */
    static final Map<String, Set<String>> AGGREGATED_INTO = Map.of(
            "view", Set.of("view", "edit", "admin"),
            "edit", Set.of("edit", "admin"),
            "admin", Set.of("admin"));

    /** REST roots that are internal on purpose and must not be reachable through the Ingress. */
    static final Map<String, Set<String>> INTERNAL_PATHS = Map.of(
            "import-service", Set.of("/api/v1/lookups"),
            "stream-service", Set.of("/"));

    /** What kubectl and oc need from stream-service before they resolve a resource (DESIGN §3). */
    static final List<String> DISCOVERY_PATHS = List.of("/api", "/api/v1", "/apis", "/apis/image.openshift.io",
            "/apis/image.openshift.io/v1", "/version", "/openapi/v2");

    private ManifestChecks() {
    }

    /** Whether stream-service runs as an aggregated API server in this set ({@code IMAGESTREAMS_AUTH_MODE=front-proxy}). */
    static boolean aggregated(ManifestSet set) {
        return Value.of("front-proxy").equals(serviceEnvironment(set, "stream-service").get("IMAGESTREAMS_AUTH_MODE"));
    }

    /** The services that never call the Kubernetes API in this set. */
    static Set<String> noKubernetesAccess(ManifestSet set) {
        return aggregated(set) ? Set.of("import-service") : NO_KUBERNETES_ACCESS;
    }

    // ------------------------------------------------------------------ workloads

    static void deployments(ManifestSet set) {
        for (String name : Project.SERVICES) {
            Project.Service service = Project.service(name);
            Deployment deployment = set.deployment(name);
            String where = set + ": Deployment " + name;
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            PodSpec pod = template.getSpec();

            assertThat(Selectors.matches(deployment.getSpec().getSelector(), template.getMetadata().getLabels()))
                    .as(where + ": selector matches its pod labels").isTrue();
            assertThat(pod.getServiceAccountName()).as(where + ": service account").isEqualTo(name);
            assertThat(pod.getContainers()).as(where + ": containers").hasSize(1);
            Container container = pod.getContainers().get(0);
            assertThat(container.getName()).as(where + ": container name").isEqualTo(name);
            assertThat(container.getImage()).as(where + ": image")
                    .matches("([^/]+/)*imagestreams/" + Pattern.quote(name) + "(:[\\w.-]+)?(@sha256:[0-9a-f]{64})?");

            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no container port named http"));
            assertThat(http.getContainerPort()).as(where + ": port = quarkus.http.port").isEqualTo(service.httpPort());

            probe(where + ": liveness", container.getLivenessProbe(), "/q/health/live", http);
            probe(where + ": readiness", container.getReadinessProbe(), "/q/health/ready", http);
            probe(where + ": startup", container.getStartupProbe(), "/q/health/started", http);
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as(where + ": startup probe leaves a minute at least for migrations and the broker").isGreaterThanOrEqualTo(60);

            resources(where, container);
            restricted(where, pod.getSecurityContext(), container.getSecurityContext());

            VolumeMount tmp = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                    .filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": nothing mounted on /tmp (the root file system is read-only)"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no volume " + tmp.getName()));
            assertThat(volume.getEmptyDir()).as(where + ": /tmp is an emptyDir").isNotNull();

            boolean token = pod.getAutomountServiceAccountToken() == null || pod.getAutomountServiceAccountToken();
            ServiceAccount account = set.get(ServiceAccount.class, name);
            boolean accountToken = account.getAutomountServiceAccountToken() == null || account.getAutomountServiceAccountToken();
            if (noKubernetesAccess(set).contains(name)) {
                assertThat(token).as(where + ": no service account token (no Kubernetes access)").isFalse();
                assertThat(accountToken).as(set + ": ServiceAccount " + name + " automountServiceAccountToken").isFalse();
            } else {
                assertThat(token).as(where + ": service account token mounted (Kubernetes access)").isTrue();
            }
        }
        Deployment prune = set.deployment("prune-service");
        assertThat(prune.getSpec().getReplicas()).as(set + ": prune-service runs as one replica").isEqualTo(1);
        assertThat(prune.getSpec().getStrategy().getType()).as(set + ": prune-service rollout never runs two").isEqualTo("Recreate");
    }

    private static void probe(String where, Probe probe, String path, ContainerPort http) {
        assertThat(probe).as(where + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(where + " probe is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(where + " probe path").isEqualTo(path);
        IntOrString port = get.getPort();
        boolean samePort = port.getIntVal() != null ? port.getIntVal().equals(http.getContainerPort()) : port.getStrVal().equals(http.getName());
        assertThat(samePort).as(where + " probe port " + port + " is the container's http port").isTrue();
    }

    private static void resources(String where, Container container) {
        assertThat(container.getResources()).as(where + ": resources").isNotNull();
        Map<String, Quantity> requests = Optional.ofNullable(container.getResources().getRequests()).orElse(Map.of());
        Map<String, Quantity> limits = Optional.ofNullable(container.getResources().getLimits()).orElse(Map.of());
        for (String resource : List.of("cpu", "memory")) {
            assertThat(requests).as(where + ": requests").containsKey(resource);
            assertThat(limits).as(where + ": limits").containsKey(resource);
            assertThat(amount(requests.get(resource))).as(where + ": " + resource + " request ≤ limit")
                    .isLessThanOrEqualTo(amount(limits.get(resource)));
        }
    }

    static BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static void restricted(String where, PodSecurityContext pod, SecurityContext container) {
        assertThat(container).as(where + ": container securityContext").isNotNull();
        PodSecurityContext podContext = pod == null ? new PodSecurityContext() : pod;
        boolean nonRoot = Boolean.TRUE.equals(container.getRunAsNonRoot())
                || (container.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
        assertThat(nonRoot).as(where + ": runAsNonRoot").isTrue();
        String seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile().getType()
                : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
        assertThat(seccomp).as(where + ": seccomp profile").isEqualTo("RuntimeDefault");
        assertThat(container.getAllowPrivilegeEscalation()).as(where + ": allowPrivilegeEscalation").isFalse();
        assertThat(container.getReadOnlyRootFilesystem()).as(where + ": readOnlyRootFilesystem").isTrue();
        assertThat(container.getPrivileged()).as(where + ": privileged").isNotEqualTo(Boolean.TRUE);
        assertThat(container.getCapabilities()).as(where + ": capabilities").isNotNull();
        assertThat(container.getCapabilities().getDrop()).as(where + ": capabilities dropped").contains("ALL");
        assertThat(Optional.ofNullable(container.getCapabilities().getAdd()).orElse(List.of())).as(where + ": capabilities added").isEmpty();
    }

    /** Every workload's pod template with the name of its workload. */
    static Map<String, PodTemplateSpec> podTemplates(ManifestSet set) {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        set.all(Deployment.class).forEach(d -> templates.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate()));
        set.all(StatefulSet.class).forEach(s -> templates.put("StatefulSet " + s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    static void services(ManifestSet set) {
        Map<String, PodTemplateSpec> templates = podTemplates(set);
        for (Service service : set.all(Service.class)) {
            String where = set + ": Service " + service.getMetadata().getName();
            List<Map.Entry<String, PodTemplateSpec>> selected = templates.entrySet().stream()
                    .filter(t -> Selectors.matches(service.getSpec().getSelector(), t.getValue().getMetadata().getLabels())).toList();
            assertThat(selected).as(where + " selects the pods of exactly one workload").hasSize(1);
            Pod pod = Pod.of(Project.NAMESPACE, selected.get(0).getValue());
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                Optional<Integer> resolved = pod.port(target);
                assertThat(resolved).as(where + ": targetPort " + target + " is a container port of " + selected.get(0).getKey())
                        .isPresent();
                if (target.getIntVal() != null) {
                    assertThat(pod.ports().stream().map(ContainerPort::getContainerPort)).as(where + ": targetPort " + target)
                            .contains(target.getIntVal());
                }
            }
        }
        for (String name : Project.SERVICES) {
            Service service = set.get(Service.class, name);
            assertThat(service.getSpec().getPorts()).as(set + ": Service " + name + " port = the service's own port")
                    .anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("http");
                        assertThat(p.getPort()).isEqualTo(Project.service(name).httpPort());
                    });
        }
    }

    /** HPAs target existing Deployments; PDBs select one Deployment's pods. {@code expected}: whether they must exist. */
    static void autoscalingAndBudgets(ManifestSet set, boolean expected) {
        for (HorizontalPodAutoscaler hpa : set.all(HorizontalPodAutoscaler.class)) {
            String where = set + ": HPA " + hpa.getMetadata().getName();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).as(where + " target kind").isEqualTo("Deployment");
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertThat(set.find(Deployment.class, target)).as(where + " target " + target).isPresent();
            assertThat(target).as(where + ": prune-service does not scale out").isNotEqualTo("prune-service");
            assertThat(hpa.getSpec().getMinReplicas()).as(where + " min ≤ max").isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMetrics()).as(where + " metrics").isNotEmpty();
        }
        Map<String, PodTemplateSpec> templates = podTemplates(set);
        for (PodDisruptionBudget pdb : set.all(PodDisruptionBudget.class)) {
            String where = set + ": PDB " + pdb.getMetadata().getName();
            assertThat(templates.entrySet().stream()
                    .filter(t -> Selectors.matches(pdb.getSpec().getSelector(), t.getValue().getMetadata().getLabels())))
                    .as(where + " selects the pods of exactly one workload").hasSize(1);
            assertThat(pdb.getSpec().getMinAvailable() == null || pdb.getSpec().getMaxUnavailable() == null)
                    .as(where + ": minAvailable and maxUnavailable are exclusive").isTrue();
        }
        if (expected) {
            for (String name : Project.SERVICES) {
                assertThat(set.find(PodDisruptionBudget.class, name)).as(set + ": PDB " + name).isPresent();
            }
            for (String name : Project.SCALABLE) {
                assertThat(set.find(HorizontalPodAutoscaler.class, name)).as(set + ": HPA " + name).isPresent();
            }
        }
    }

    // ------------------------------------------------------------------ configuration

    /** A variable's value: a literal, or a key of a Secret. */
    record Value(String literal, String secret, String key) {
        static Value of(String literal) {
            return new Value(literal, null, null);
        }

        boolean fromSecret() {
            return secret != null;
        }
    }

    /** A container's environment as the kubelet builds it: envFrom ConfigMaps, then env. */
    static Map<String, Value> environment(ManifestSet set, String where, Container container) {
        Map<String, Value> env = new LinkedHashMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            assertThat(source.getSecretRef()).as(where + ": Secrets are referenced key by key, not as envFrom").isNull();
            String name = source.getConfigMapRef().getName();
            ConfigMap map = set.find(ConfigMap.class, name)
                    .orElseThrow(() -> new AssertionError(where + ": envFrom ConfigMap " + name + " does not exist"));
            Optional.ofNullable(map.getData()).orElse(Map.of()).forEach((k, v) -> env.put(k, Value.of(v)));
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            assertThat(env).as(where + ": " + variable.getName() + " set twice (env and a ConfigMap)").doesNotContainKey(variable.getName());
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), Value.of(variable.getValue() == null ? "" : variable.getValue()));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                env.put(variable.getName(), new Value(null, variable.getValueFrom().getSecretKeyRef().getName(),
                        variable.getValueFrom().getSecretKeyRef().getKey()));
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                String name = variable.getValueFrom().getConfigMapKeyRef().getName();
                String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
                ConfigMap map = set.find(ConfigMap.class, name).orElseThrow(() -> new AssertionError(where + ": no ConfigMap " + name));
                assertThat(map.getData()).as(where + ": ConfigMap " + name).containsKey(key);
                env.put(variable.getName(), Value.of(map.getData().get(key)));
            } else {
                env.put(variable.getName(), Value.of(null));
            }
        }
        return env;
    }

    static Map<String, Value> serviceEnvironment(ManifestSet set, String service) {
        return environment(set, set + ": Deployment " + service, set.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0));
    }

    static void environment(ManifestSet set) {
        for (String name : Project.SERVICES) {
            Project.Service service = Project.service(name);
            String where = set + ": " + name;
            Map<String, Value> env = serviceEnvironment(set, name);
            Map<String, String> known = service.knownKeys().stream()
                    .collect(Collectors.toMap(Project::envName, k -> k, (a, b) -> a));
            for (String variable : env.keySet()) {
                assertThat(known).as(where + ": " + variable + " maps to no property the service knows").containsKey(variable);
            }
            for (String property : service.productionRequired()) {
                String variable = Project.envName(property);
                assertThat(env).as(where + ": production needs " + property + " (" + variable + ")").containsKey(variable);
                Value value = env.get(variable);
                if (!value.fromSecret()) {
                    assertThat(value.literal()).as(where + ": " + variable).isNotBlank();
                }
            }
            for (Map.Entry<String, Value> entry : env.entrySet()) {
                if (entry.getKey().endsWith("_PASSWORD") || entry.getKey().endsWith("_KEY") || entry.getKey().endsWith("_SECRET")) {
                    assertThat(entry.getValue().fromSecret()).as(where + ": " + entry.getKey() + " comes from a Secret").isTrue();
                }
            }
        }
        Map<String, Value> importEnv = serviceEnvironment(set, "import-service");
        for (String variable : Project.launcherImportServiceEnvironment()) {
            assertThat(importEnv).as(set + ": import-service gets " + variable + " (the launcher's secrets)").containsKey(variable);
            assertThat(importEnv.get(variable).fromSecret()).as(set + ": import-service " + variable + " from a Secret").isTrue();
        }
        for (String name : List.of("trigger-service", "prune-service")) {
            assertThat(serviceEnvironment(set, name).get("IMAGESTREAMS_KUBERNETES_ENABLED"))
                    .as(set + ": " + name + " IMAGESTREAMS_KUBERNETES_ENABLED (true in k8s/, DESIGN §8)").isEqualTo(Value.of("true"));
        }
        for (String name : noKubernetesAccess(set)) {
            assertThat(serviceEnvironment(set, name)).as(set + ": " + name).doesNotContainKey("IMAGESTREAMS_KUBERNETES_ENABLED");
        }
        if (aggregated(set)) {
            assertThat(serviceEnvironment(set, "stream-service").get("IMAGESTREAMS_KUBERNETES_ENABLED"))
                    .as(set + ": stream-service as an aggregated API server asks the cluster (IMAGESTREAMS_KUBERNETES_ENABLED)")
                    .isEqualTo(Value.of("true"));
        }
        Value importUrl = serviceEnvironment(set, "stream-service").get("IMAGESTREAMS_IMPORT_SERVICE_URL");
        int importPort = set.get(Service.class, "import-service").getSpec().getPorts().get(0).getPort();
        assertThat(importUrl).as(set + ": stream-service reaches import-service through its Service")
                .isEqualTo(Value.of("http://import-service:" + importPort));
    }

    /** Secrets are provided by the operator: none in the manifests, and create-secrets.sh makes every one referenced. */
    static void secrets(ManifestSet set) {
        assertThat(set.all(Secret.class)).as(set + ": Secrets are not part of the manifests").isEmpty();
        Map<String, Set<String>> script = Project.scriptSecrets();
        Map<String, Set<String>> referenced = new LinkedHashMap<>();
        podTemplates(set).forEach((workload, template) -> template.getSpec().getContainers().forEach(c ->
                environment(set, set + ": " + workload, c).values().stream().filter(Value::fromSecret)
                        .forEach(v -> referenced.computeIfAbsent(v.secret(), s -> new TreeSet<>()).add(v.key()))));
        for (GenericKubernetesResource cluster : set.custom("Cluster")) {
            cnpgSecrets(cluster).forEach(s -> referenced.computeIfAbsent(s, x -> new TreeSet<>()).addAll(Set.of("username", "password")));
        }
        referenced.forEach((secret, keys) -> {
            assertThat(script).as(set + ": create-secrets.sh creates Secret " + secret).containsKey(secret);
            assertThat(script.get(secret)).as(set + ": create-secrets.sh gives " + secret + " its keys").containsAll(keys);
        });
        String readme = Project.read(Project.k8s().resolve("README.md"));
        script.forEach((secret, keys) -> {
            assertThat(readme).as("k8s/README.md documents Secret " + secret).contains("`" + secret + "`");
            keys.forEach(k -> assertThat(readme).as("k8s/README.md documents key " + k + " of " + secret).contains("`" + k + "`"));
        });
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step.matches("\\d+")) {
                current = list.size() > Integer.parseInt(step) ? list.get(Integer.parseInt(step)) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    static Object spec(GenericKubernetesResource resource, String... path) {
        return at(resource.getAdditionalProperties().get("spec"), path);
    }

    private static List<String> cnpgSecrets(GenericKubernetesResource cluster) {
        List<String> secrets = new ArrayList<>();
        Object initdb = spec(cluster, "bootstrap", "initdb", "secret", "name");
        if (initdb != null) {
            secrets.add(initdb.toString());
        }
        Object roles = spec(cluster, "managed", "roles");
        if (roles instanceof List<?> list) {
            for (Object role : list) {
                Object secret = at(role, "passwordSecret", "name");
                if (secret != null) {
                    secrets.add(secret.toString());
                }
            }
        }
        return secrets;
    }

    // ------------------------------------------------------------------ RBAC

    static Set<Grant> grants(List<PolicyRule> rules) {
        Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
        for (PolicyRule rule : rules) {
            assertThat(rule.getResourceNames()).as("rules name no single objects").isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).as("rules grant no non-resource URLs").isNullOrEmpty();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        grants.add(new Grant(group, resource, verb));
                    }
                }
            }
        }
        return grants;
    }

    static final Set<Grant> TRIGGER_GRANTS;

    static {
        Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
        for (String verb : List.of("get", "list", "watch", "patch")) {
            for (String resource : List.of("deployments", "statefulsets", "daemonsets")) {
                grants.add(new Grant("apps", resource, verb));
            }
            grants.add(new Grant("batch", "cronjobs", verb));
        }
        grants.add(new Grant("", "events", "create"));
        TRIGGER_GRANTS = grants;
    }

    static void rbac(ManifestSet set) {
        roleOf(set, "trigger-service", TRIGGER_GRANTS);
        roleOf(set, "prune-service", Project.pruneWorkloadReads());
        if (aggregated(set)) {
            delegation(set);
        }
        for (String name : noKubernetesAccess(set)) {
            List<Subject> subjects = new ArrayList<>();
            set.all(ClusterRoleBinding.class).forEach(b -> subjects.addAll(Optional.ofNullable(b.getSubjects()).orElse(List.of())));
            set.all(RoleBinding.class).forEach(b -> subjects.addAll(Optional.ofNullable(b.getSubjects()).orElse(List.of())));
            assertThat(subjects).as(set + ": no role is bound to " + name).noneMatch(s -> s.getName().equals(name));
        }
    }

    private static void roleOf(ManifestSet set, String service, Set<Grant> expected) {
        String name = "imagestreams-" + service;
        ClusterRole role = set.get(ClusterRole.class, name);
        assertThat(grants(role.getRules())).as(set + ": ClusterRole " + name + " grants exactly")
                .containsExactlyInAnyOrderElementsOf(expected);
        List<ClusterRoleBinding> bindings = set.all(ClusterRoleBinding.class).stream()
                .filter(b -> b.getRoleRef().getName().equals(name)).toList();
        assertThat(bindings).as(set + ": bindings of " + name).hasSize(1);
        ClusterRoleBinding binding = bindings.get(0);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getSubjects()).as(set + ": " + binding.getMetadata().getName() + " subjects").singleElement()
                .satisfies(s -> {
                    assertThat(s.getKind()).isEqualTo("ServiceAccount");
                    assertThat(s.getName()).isEqualTo(service);
                    assertThat(s.getNamespace()).isEqualTo(set.get(ServiceAccount.class, service).getMetadata().getNamespace());
                });
    }

    /**
     * The aggregated mode: stream-service is bound to the two built-in roles every aggregated API server gets, and
     * to nothing else; together they grant what its sources ask of the API.
     */
    private static void delegation(ManifestSet set) {
        String namespace = set.get(ServiceAccount.class, "stream-service").getMetadata().getNamespace();
        java.util.function.Predicate<List<Subject>> streamService = subjects -> subjects != null && subjects.stream()
                .anyMatch(s -> "ServiceAccount".equals(s.getKind()) && "stream-service".equals(s.getName()) && namespace.equals(s.getNamespace()));
        List<String> bound = new ArrayList<>();
        set.all(ClusterRoleBinding.class).stream().filter(b -> streamService.test(b.getSubjects()))
                .forEach(b -> bound.add(b.getRoleRef().getKind() + " " + b.getRoleRef().getName()));
        set.all(RoleBinding.class).stream().filter(b -> streamService.test(b.getSubjects()))
                .forEach(b -> bound.add(b.getRoleRef().getKind() + " " + b.getMetadata().getNamespace() + "/" + b.getRoleRef().getName()));
        assertThat(bound).as(set + ": stream-service (aggregated API server) is bound to the delegation roles only")
                .containsExactlyInAnyOrderElementsOf(DELEGATION_ROLES.keySet());
        Set<Grant> granted = new TreeSet<>(Comparator.comparing(Grant::toString));
        DELEGATION_ROLES.values().forEach(granted::addAll);
        assertThat(granted).as(set + ": the delegation roles grant what stream-service asks of the cluster")
                .containsAll(Project.streamKubernetesCalls());
        assertThat(Project.streamKubernetesCalls()).extracting(Grant::toString)
                .containsExactlyInAnyOrder("authorization.k8s.io/subjectaccessreviews:create", "core/configmaps:get");
    }

    /**
     * The aggregated API server mode (components/aggregated-api): the APIService forwards image.openshift.io/v1
     * to stream-service's HTTPS port and trusts the CA of its serving certificate; the certificate is the one
     * stream-service serves; the cluster's API server reaches that port; the cluster's RBAC has the image roles.
     */
    static void aggregatedApi(ManifestSet set) {
        assertThat(aggregated(set)).as(set + ": stream-service runs as an aggregated API server").isTrue();
        Map<String, Value> env = serviceEnvironment(set, "stream-service");
        assertThat(env).as(set + ": stream-service has no standalone-mode settings left")
                .doesNotContainKeys("IMAGESTREAMS_AUTH_JWT_ISSUER", "IMAGESTREAMS_AUTH_JWT_JWKS_URL");
        int httpsPort = Project.service("stream-service").httpsPort();

        // the APIService
        io.fabric8.kubernetes.api.model.APIService api = set.get(io.fabric8.kubernetes.api.model.APIService.class, "v1.image.openshift.io");
        String where = set + ": APIService v1.image.openshift.io";
        assertThat(api.getSpec().getGroup()).as(where + " group").isEqualTo("image.openshift.io");
        assertThat(api.getSpec().getVersion()).as(where + " version").isEqualTo("v1");
        assertThat(api.getSpec().getGroupPriorityMinimum()).as(where + " groupPriorityMinimum").isPositive();
        assertThat(api.getSpec().getVersionPriority()).as(where + " versionPriority").isPositive();
        assertThat(api.getSpec().getInsecureSkipTLSVerify()).as(where + ": the serving certificate is verified").isNotEqualTo(Boolean.TRUE);
        assertThat(api.getSpec().getService().getName()).as(where + " service").isEqualTo("stream-service");
        Service service = set.get(Service.class, "stream-service");
        assertThat(api.getSpec().getService().getNamespace()).as(where + " service namespace").isEqualTo(service.getMetadata().getNamespace());
        ServicePort https = service.getSpec().getPorts().stream().filter(p -> p.getPort().equals(api.getSpec().getService().getPort()))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": Service stream-service has no port " + api.getSpec().getService().getPort()));
        assertThat(servicePod(set, "stream-service").port(https.getTargetPort())).as(where + ": the Service port reaches quarkus.http.ssl-port")
                .contains(httpsPort);

        // its caBundle: the CA of the certificate stream-service serves
        assertThat(api.getSpec().getCaBundle()).as(where + ": caBundle comes from cert-manager's CA injector").isNull();
        String inject = api.getMetadata().getAnnotations().get("cert-manager.io/inject-ca-from");
        assertThat(inject).as(where + ": cert-manager.io/inject-ca-from").isNotNull().contains("/");
        GenericKubernetesResource certificate = set.custom("Certificate", inject.substring(inject.indexOf('/') + 1));
        assertThat(certificate.getMetadata().getNamespace()).as(where + ": the Certificate's namespace").isEqualTo(inject.substring(0, inject.indexOf('/')));
        String host = "stream-service." + service.getMetadata().getNamespace() + ".svc";
        assertThat(((List<?>) spec(certificate, "dnsNames")).stream().map(Object::toString).toList()).as(set + ": the serving certificate names " + host).contains(host);
        assertThat(spec(certificate, "privateKey", "encoding")).as(set + ": a PKCS#8 key, as Quarkus reads PEM keys").isEqualTo("PKCS8");
        Object issuer = spec(certificate, "issuerRef", "name");
        GenericKubernetesResource ca = set.custom("Issuer", issuer.toString());
        assertThat(spec(ca, "ca", "secretName")).as(set + ": the serving certificate is signed by a CA, whose certificate is injected").isNotNull();
        String secret = spec(certificate, "secretName").toString();
        PodSpec pod = set.deployment("stream-service").getSpec().getTemplate().getSpec();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getSecret() != null && secret.equals(v.getSecret().getSecretName()))
                .findFirst().orElseThrow(() -> new AssertionError(set + ": stream-service does not mount the Secret " + secret));
        VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(set + ": the volume " + volume.getName() + " is not mounted"));
        assertThat(env.get("QUARKUS_HTTP_SSL_CERTIFICATE_FILES")).as(set + ": stream-service serves the certificate")
                .isEqualTo(Value.of(mount.getMountPath() + "/tls.crt"));
        assertThat(env.get("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES")).as(set + ": with its key").isEqualTo(Value.of(mount.getMountPath() + "/tls.key"));
        assertThat(env).as(set + ": a renewed certificate is read again").containsKey("QUARKUS_HTTP_SSL_CERTIFICATE_RELOAD_PERIOD");

        // the cluster's API server (host network: no selector describes it) reaches the HTTPS port, and only that one
        Pod apiServer = Pod.client("kube-system", Map.of("component", "kube-apiserver"));
        List<NetworkPolicy> policies = set.all(NetworkPolicy.class);
        assertThat(Selectors.allowed(policies, servicePod(set, "stream-service"), apiServer, httpsPort))
                .as(set + ": the cluster's API server → stream-service:" + httpsPort).isTrue();
        assertThat(Selectors.allowed(policies, servicePod(set, "stream-service"), apiServer, Project.service("stream-service").httpPort()))
                .as(set + ": the cluster's API server → stream-service's plain HTTP port").isFalse();

        // the image roles, as the standalone mode's grants
        Map<String, Set<Grant>> roles = Project.streamRoles();
        assertThat(roles).as("Role.java as read").containsKeys("view", "edit", "admin", "image-pusher", "image-pruner", "registry-viewer",
                "registry-editor");
        List<ClusterRole> imageRoles = set.all(ClusterRole.class).stream().filter(r -> r.getMetadata().getName().startsWith("imagestreams:")).toList();
        assertThat(imageRoles).extracting(r -> r.getMetadata().getName()).as(set + ": a ClusterRole per role")
                .containsExactlyInAnyOrderElementsOf(roles.keySet().stream().map(r -> "imagestreams:" + r).toList());
        for (ClusterRole role : imageRoles) {
            String name = role.getMetadata().getName().substring("imagestreams:".length());
            assertThat(grants(role.getRules())).extracting(Grant::toString).as(set + ": ClusterRole " + role.getMetadata().getName() + " = Role " + name)
                    .containsExactlyInAnyOrderElementsOf(roles.get(name).stream().map(Grant::toString).toList());
            Set<String> into = new TreeSet<>();
            role.getMetadata().getLabels().forEach((key, value) -> {
                if (key.startsWith("rbac.authorization.k8s.io/aggregate-to-") && "true".equals(value)) {
                    into.add(key.substring("rbac.authorization.k8s.io/aggregate-to-".length()));
                }
            });
            assertThat(into).as(set + ": " + role.getMetadata().getName() + " aggregated into").isEqualTo(AGGREGATED_INTO.getOrDefault(name, Set.of()));
        }
    }

    // ------------------------------------------------------------------ network policies

    static Pod servicePod(ManifestSet set, String service) {
        Deployment deployment = set.deployment(service);
        return Pod.of(deployment.getMetadata().getNamespace(), deployment.getSpec().getTemplate());
    }

    static void networkPolicies(ManifestSet set) {
        List<NetworkPolicy> policies = set.all(NetworkPolicy.class);
        assertThat(policies).as(set + ": a default deny of ingress for the namespace").anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        Pod ingress = Pod.client(INGRESS_NAMESPACE, Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Pod prometheus = Pod.client(MONITORING_NAMESPACE, Map.of("app.kubernetes.io/name", "prometheus"));
        Pod stranger = Pod.client(Project.NAMESPACE, Map.of("app", "something-else"));
        Pod elsewhere = Pod.client("default", Map.of("app", "something-else"));
        for (String name : Project.SERVICES) {
            Pod pod = servicePod(set, name);
            int port = Project.service(name).httpPort();
            assertThat(Selectors.allowed(policies, pod, ingress, port)).as(set + ": ingress controller → " + name).isTrue();
            assertThat(Selectors.allowed(policies, pod, prometheus, port)).as(set + ": Prometheus → " + name + " /q/metrics").isTrue();
            assertThat(Selectors.allowed(policies, pod, stranger, port)).as(set + ": another pod of the namespace → " + name).isFalse();
            assertThat(Selectors.allowed(policies, pod, elsewhere, port)).as(set + ": a pod of another namespace → " + name).isFalse();
            for (String other : Project.SERVICES) {
                boolean expected = name.equals("import-service") && other.equals("stream-service");
                if (!other.equals(name)) {
                    assertThat(Selectors.allowed(policies, pod, servicePod(set, other), port))
                            .as(set + ": " + other + " → " + name + (expected ? " (lookups)" : " (no HTTP call between them)"))
                            .isEqualTo(expected);
                }
            }
        }
        Pod registry = Pod.client("registry", Map.of("imagestreams.io/registry-notifications", "true"));
        assertThat(Selectors.allowed(policies, servicePod(set, "import-service"), registry, Project.service("import-service").httpPort()))
                .as(set + ": a labelled registry → import-service (push notifications)").isTrue();

        set.custom("Cluster").forEach(cluster -> {
            Pod postgres = Pod.client(Project.NAMESPACE, Map.of("cnpg.io/cluster", cluster.getMetadata().getName()));
            for (String name : Project.SERVICES) {
                boolean expected = name.equals("stream-service") || name.equals("prune-service");
                assertThat(Selectors.allowed(policies, postgres, servicePod(set, name), 5432))
                        .as(set + ": " + name + " → PostgreSQL").isEqualTo(expected);
            }
            assertThat(Selectors.allowed(policies, postgres, postgres, 5432)).as(set + ": PostgreSQL replication").isTrue();
            assertThat(Selectors.allowed(policies, postgres, Pod.client("cnpg-system", Map.of()), 8000))
                    .as(set + ": CloudNativePG operator → instance status").isTrue();
            assertThat(Selectors.allowed(policies, postgres, stranger, 5432)).as(set + ": another pod → PostgreSQL").isFalse();
        });
        set.find(StatefulSet.class, "mongodb").ifPresent(mongo -> {
            Pod pod = Pod.of(Project.NAMESPACE, mongo.getSpec().getTemplate());
            int port = pod.ports().get(0).getContainerPort();
            for (String name : Project.SERVICES) {
                boolean expected = name.equals("import-service") || name.equals("trigger-service");
                assertThat(Selectors.allowed(policies, pod, servicePod(set, name), port)).as(set + ": " + name + " → MongoDB")
                        .isEqualTo(expected);
            }
            assertThat(Selectors.allowed(policies, pod, stranger, port)).as(set + ": another pod → MongoDB").isFalse();
        });
        set.custom("Kafka").forEach(kafka -> {
            Object listeners = spec(kafka, "kafka", "listeners");
            for (Object listener : (List<?>) listeners) {
                Object peers = at(listener, "networkPolicyPeers");
                assertThat(peers).as(set + ": Kafka listener " + at(listener, "name") + " restricts its clients").isNotNull();
                List<NetworkPolicyPeer> typed = ((List<?>) peers).stream()
                        .map(p -> Serialization.jsonMapper().convertValue(p, NetworkPolicyPeer.class)).toList();
                for (String name : Project.SERVICES) {
                    assertThat(typed.stream().anyMatch(p -> Selectors.admits(p, Project.NAMESPACE, servicePod(set, name))))
                            .as(set + ": " + name + " → Kafka listener " + at(listener, "name")).isTrue();
                }
                assertThat(typed.stream().anyMatch(p -> Selectors.admits(p, Project.NAMESPACE, stranger)))
                        .as(set + ": another pod → Kafka").isFalse();
            }
        });
    }

    // ------------------------------------------------------------------ ingress

    /** The backend Service of the Ingress path that wins for a request path (longest Prefix match, or Exact). */
    static Optional<String> route(Ingress ingress, String path) {
        String best = null;
        String service = null;
        for (IngressRule rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath candidate : rule.getHttp().getPaths()) {
                String prefix = candidate.getPath();
                boolean match = "Exact".equals(candidate.getPathType()) ? prefix.equals(path)
                        : path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
                if (match && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                    service = candidate.getBackend().getService().getName();
                }
            }
        }
        return Optional.ofNullable(service);
    }

    static void ingress(ManifestSet set) {
        List<Ingress> ingresses = set.all(Ingress.class);
        assertThat(ingresses).as(set + ": one Ingress").hasSize(1);
        Ingress ingress = ingresses.get(0);
        for (IngressRule rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String where = set + ": Ingress path " + path.getPath();
                assertThat(path.getPathType()).as(where + " type").isIn("Prefix", "Exact");
                String backend = path.getBackend().getService().getName();
                Service service = set.find(Service.class, backend).orElseThrow(() -> new AssertionError(where + ": no Service " + backend));
                var port = path.getBackend().getService().getPort();
                assertThat(service.getSpec().getPorts()).as(where + ": port of " + backend)
                        .anyMatch(p -> port.getName() != null ? port.getName().equals(p.getName()) : port.getNumber().equals(p.getPort()));
                List<String> roots = Project.service(backend).restRoots();
                assertThat(roots).as(where + ": " + backend + " serves something under it")
                        .anyMatch(r -> r.equals(path.getPath()) || r.startsWith(path.getPath() + "/") || path.getPath().startsWith(r + "/"));
            }
        }
        for (String path : DISCOVERY_PATHS) {
            assertThat(route(ingress, path)).as(set + ": " + path + " (discovery) → stream-service").contains("stream-service");
        }
        for (String name : Project.SERVICES) {
            Set<String> internal = INTERNAL_PATHS.getOrDefault(name, Set.of());
            for (String root : Project.service(name).restRoots()) {
                if (internal.contains(root)) {
                    assertThat(route(ingress, root)).as(set + ": " + root + " is internal to " + name).isNotEqualTo(Optional.of(name));
                } else {
                    assertThat(route(ingress, root)).as(set + ": " + name + "'s " + root + " is routed to it").contains(name);
                }
            }
        }
    }

    // ------------------------------------------------------------------ infrastructure

    static void kafka(ManifestSet set) {
        List<GenericKubernetesResource> clusters = set.custom("Kafka");
        assertThat(clusters).as(set + ": one Kafka").hasSize(1);
        GenericKubernetesResource kafka = clusters.get(0);
        String cluster = kafka.getMetadata().getName();
        assertThat(kafka.getApiVersion()).startsWith("kafka.strimzi.io/");
        assertThat(kafka.getMetadata().getAnnotations()).as(set + ": KRaft with node pools")
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(spec(kafka, "zookeeper")).as(set + ": no ZooKeeper").isNull();
        assertThat(spec(kafka, "kafka", "config", "auto.create.topics.enable")).as(set + ": topics are declared, not auto-created")
                .isIn(false, "false");

        List<GenericKubernetesResource> pools = set.custom("KafkaNodePool").stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster"))).toList();
        assertThat(pools).as(set + ": node pools of " + cluster).isNotEmpty();
        Set<Object> roles = new TreeSet<>(Comparator.comparing(Object::toString));
        int brokers = 0;
        for (GenericKubernetesResource pool : pools) {
            List<?> poolRoles = (List<?>) spec(pool, "roles");
            roles.addAll(poolRoles);
            if (poolRoles.contains("broker")) {
                brokers += ((Number) spec(pool, "replicas")).intValue();
            }
        }
        assertThat(roles).as(set + ": controller and broker roles").contains("controller", "broker");
        int defaultReplication = ((Number) spec(kafka, "kafka", "config", "default.replication.factor")).intValue();
        assertThat(defaultReplication).as(set + ": default.replication.factor ≤ brokers").isLessThanOrEqualTo(brokers);
        assertThat(((Number) spec(kafka, "kafka", "config", "offsets.topic.replication.factor")).intValue())
                .as(set + ": offsets.topic.replication.factor ≤ brokers").isLessThanOrEqualTo(brokers);

        Object listener = ((List<?>) spec(kafka, "kafka", "listeners")).stream().filter(l -> "plain".equals(at(l, "name")))
                .findFirst().orElseThrow(() -> new AssertionError(set + ": no listener named plain"));
        String bootstrap = cluster + "-kafka-bootstrap:" + at(listener, "port");
        for (String name : Project.SERVICES) {
            assertThat(serviceEnvironment(set, name).get("KAFKA_BOOTSTRAP_SERVERS")).as(set + ": " + name + " KAFKA_BOOTSTRAP_SERVERS")
                    .isEqualTo(Value.of(bootstrap));
        }

        Map<String, GenericKubernetesResource> topics = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : set.custom("KafkaTopic")) {
            Object topicName = spec(topic, "topicName");
            topics.put(topicName == null ? topic.getMetadata().getName() : topicName.toString(), topic);
            assertThat(topic.getMetadata().getLabels()).as(set + ": KafkaTopic " + topic.getMetadata().getName() + " cluster label")
                    .containsEntry("strimzi.io/cluster", cluster);
            int replicas = ((Number) spec(topic, "replicas")).intValue();
            assertThat(replicas).as(set + ": " + topic.getMetadata().getName() + " replicas ≤ brokers").isLessThanOrEqualTo(brokers);
            Object minIsr = spec(topic, "config", "min.insync.replicas");
            if (minIsr != null) {
                int min = Integer.parseInt(minIsr.toString());
                assertThat(min).as(set + ": " + topic.getMetadata().getName() + " min.insync.replicas")
                        .isLessThanOrEqualTo(replicas).isLessThan(Math.max(2, replicas));
            }
        }
        Set<String> named = new TreeSet<>(Project.declaredTopics());
        for (String name : Project.SERVICES) {
            Set<String> used = Project.service(name).topics();
            named.addAll(used);
            assertThat(topics.keySet()).as(set + ": KafkaTopics for every topic " + name + " names").containsAll(used);
        }
        assertThat(topics.keySet()).as(set + ": every KafkaTopic is one the services use").containsExactlyInAnyOrderElementsOf(named);
        assertThat(spec(topics.get("image-stream-events"), "config", "retention.ms")).as(set + ": image-stream-events kept forever")
                .isIn(-1, "-1");
    }

    static void postgres(ManifestSet set) {
        List<GenericKubernetesResource> clusters = set.custom("Cluster");
        assertThat(clusters).as(set + ": one CloudNativePG Cluster").hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);
        String name = cluster.getMetadata().getName();
        assertThat(cluster.getApiVersion()).startsWith("postgresql.cnpg.io/");
        assertThat(spec(cluster, "imageName")).as(set + ": the operator's default PostgreSQL image").isNull();

        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, String> passwordSecrets = new LinkedHashMap<>();
        Object initdb = spec(cluster, "bootstrap", "initdb");
        if (initdb != null) {
            owners.put(at(initdb, "database").toString(), at(initdb, "owner").toString());
            passwordSecrets.put(at(initdb, "owner").toString(), at(initdb, "secret", "name").toString());
        }
        Object roles = spec(cluster, "managed", "roles");
        for (Object role : roles instanceof List<?> list ? list : List.of()) {
            passwordSecrets.put(at(role, "name").toString(), at(role, "passwordSecret", "name").toString());
        }
        for (GenericKubernetesResource database : set.custom("Database")) {
            assertThat(spec(database, "cluster", "name")).as(set + ": Database " + database.getMetadata().getName() + " cluster").isEqualTo(name);
            owners.put(spec(database, "name").toString(), spec(database, "owner").toString());
        }
        for (String service : List.of("stream-service", "prune-service")) {
            Map<String, Value> env = serviceEnvironment(set, service);
            String where = set + ": " + service;
            Matcher reactive = Pattern.compile("postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").literal());
            assertThat(reactive.matches()).as(where + ": reactive URL " + env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).isTrue();
            assertThat(reactive.group(1)).as(where + ": the cluster's read-write Service").isEqualTo(name + "-rw");
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").literal()).as(where + ": JDBC URL, same database")
                    .isEqualTo("jdbc:postgresql://" + reactive.group(1) + ":" + reactive.group(2) + "/" + reactive.group(3));
            String database = reactive.group(3);
            assertThat(owners).as(where + ": database " + database + " exists").containsKey(database);
            Value username = env.get("QUARKUS_DATASOURCE_USERNAME");
            Value password = env.get("QUARKUS_DATASOURCE_PASSWORD");
            assertThat(username.fromSecret() && password.fromSecret()).as(where + ": credentials from a Secret").isTrue();
            assertThat(password.secret()).as(where + ": user and password from one Secret").isEqualTo(username.secret());
            String owner = owners.get(database);
            assertThat(Project.scriptUsername(username.secret())).as(where + ": the Secret's user owns " + database).isEqualTo(owner);
            assertThat(passwordSecrets.get(owner)).as(where + ": the cluster sets " + owner + "'s password from the same Secret")
                    .isEqualTo(username.secret());
        }
        assertThat(owners.values()).as(set + ": each service's database has its own owner").doesNotHaveDuplicates();
    }

    static void mongodb(ManifestSet set) {
        StatefulSet mongo = set.get(StatefulSet.class, "mongodb");
        String where = set + ": StatefulSet mongodb";
        assertThat(mongo.getSpec().getReplicas()).as(where + ": one server (more would not be a replica set)").isEqualTo(1);
        Container container = mongo.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).as(where + ": image").isEqualTo("mongo:7");
        restricted(where, mongo.getSpec().getTemplate().getSpec().getSecurityContext(), container.getSecurityContext());
        resources(where, container);
        assertThat(mongo.getSpec().getVolumeClaimTemplates()).as(where + ": a PVC").hasSize(1);
        String claim = mongo.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertThat(container.getVolumeMounts()).as(where + ": data on the PVC")
                .anyMatch(m -> m.getName().equals(claim) && m.getMountPath().equals("/data/db"));
        Service headless = set.get(Service.class, mongo.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).as(where + ": headless Service").isEqualTo("None");
        int port = headless.getSpec().getPorts().get(0).getPort();

        Map<String, Value> env = environment(set, where, container);
        assertThat(env.get("MONGO_INITDB_ROOT_USERNAME")).as(where + ": root user").isNotNull();
        assertThat(env.get("MONGO_INITDB_ROOT_PASSWORD").fromSecret()).as(where + ": root password from a Secret").isTrue();
        VolumeMount init = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/docker-entrypoint-initdb.d"))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": no init scripts"));
        String configMap = mongo.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(init.getName()))
                .findFirst().orElseThrow().getConfigMap().getName();
        String script = set.get(ConfigMap.class, configMap).getData().values().stream().collect(Collectors.joining("\n"));

        for (String service : List.of("import-service", "trigger-service")) {
            Map<String, Value> serviceEnv = serviceEnvironment(set, service);
            String prefix = service.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            assertThat(serviceEnv.get("QUARKUS_MONGODB_CONNECTION_STRING")).as(set + ": " + service + " connection string")
                    .isEqualTo(Value.of("mongodb://" + headless.getMetadata().getName() + ":" + port));
            assertThat(serviceEnv.get("QUARKUS_MONGODB_CREDENTIALS_AUTH_SOURCE")).as(set + ": " + service + " authenticates on admin")
                    .isEqualTo(Value.of("admin"));
            assertThat(env.get(prefix + "_USERNAME")).as(where + ": " + service + "'s user is created from its own Secret")
                    .isEqualTo(serviceEnv.get("QUARKUS_MONGODB_CREDENTIALS_USERNAME"));
            assertThat(env.get(prefix + "_PASSWORD")).as(where + ": " + service + "'s password is created from its own Secret")
                    .isEqualTo(serviceEnv.get("QUARKUS_MONGODB_CREDENTIALS_PASSWORD"));
            String database = Project.service(service).baseProperties().get("quarkus.mongodb.database");
            assertThat(script).as(where + ": init script creates " + service + "'s user on " + database)
                    .contains("'" + prefix + "', '" + database + "'");
            assertThat(script).contains("getSiblingDB('admin')");
        }
    }
}
