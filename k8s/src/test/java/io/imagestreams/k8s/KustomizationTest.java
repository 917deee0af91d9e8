package io.imagestreams.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The kustomize tree: every file a kustomization names exists, every file is named, every document parses as its kind. */
class KustomizationTest {

    static Stream<Path> kustomizations() {
        return Kustomizations.all().stream();
    }

    static Stream<Path> manifestFiles() {
        return Stream.of("base", "components", "overlays").flatMap(dir -> Project.files(Project.k8s().resolve(dir), ".yaml").stream())
                .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyResourcePatchAndComponentExists(Path dir) {
        Map<String, Object> kustomization = Kustomizations.read(dir);
        String where = Project.k8s().relativize(dir) + "/kustomization.yaml";
        assertThat(kustomization.get("kind")).as(where + " kind")
                .isEqualTo(dir.startsWith(Project.k8s().resolve("components")) ? "Component" : "Kustomization");
        for (String resource : Kustomizations.strings(kustomization, "resources")) {
            Path path = dir.resolve(resource).normalize();
            assertThat(Files.isRegularFile(path) || Files.isRegularFile(path.resolve("kustomization.yaml")))
                    .as(where + ": resource " + resource + " is a file or a kustomization").isTrue();
        }
        for (String component : Kustomizations.strings(kustomization, "components")) {
            Path path = dir.resolve(component).normalize();
            assertThat(path.resolve("kustomization.yaml")).as(where + ": component " + component).isRegularFile();
            assertThat(Kustomizations.read(path).get("kind")).as(where + ": " + component + " is a Component").isEqualTo("Component");
        }
        for (Map<String, Object> patch : Kustomizations.maps(kustomization, "patches")) {
            assertThat(patch.containsKey("path") ^ patch.containsKey("patch")).as(where + ": a patch has a path or an inline patch").isTrue();
            if (patch.containsKey("path")) {
                assertThat(dir.resolve(patch.get("path").toString())).as(where + ": patch file").isRegularFile();
            }
        }
        for (String old : List.of("patchesStrategicMerge", "patchesJson6902", "commonLabels", "bases", "vars")) {
            assertThat(kustomization).as(where + ": deprecated field " + old).doesNotContainKey(old);
        }
        for (Map<String, Object> generator : Kustomizations.maps(kustomization, "configMapGenerator")) {
            for (Object file : (List<?>) generator.getOrDefault("files", List.of())) {
                assertThat(dir.resolve(file.toString())).as(where + ": generator file").isRegularFile();
            }
        }
        assertThat(Kustomizations.maps(kustomization, "secretGenerator"))
                .as(where + ": Secrets are provided by the operator (create-secrets.sh), not generated").isEmpty();
    }

    @Test
    void baseAndComponentsAreAssembledWithoutPatches() {
        List<Path> dirs = new ArrayList<>(Kustomizations.infrastructure());
        dirs.add(Project.k8s().resolve("base"));
        for (Path dir : dirs) {
            assertThat(Kustomizations.read(dir)).as(dir + ": no patches (the tests assemble it file by file)")
                    .doesNotContainKeys("patches", "images", "replicas", "namePrefix", "nameSuffix");
        }
        assertThat(Kustomizations.components()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("kafka", "postgres", "mongodb", "aggregated-api");
        assertThat(Kustomizations.infrastructure()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("kafka", "postgres", "mongodb");
        assertThat(Kustomizations.overlays()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("dev", "production", "aggregated");
        for (Path overlay : Kustomizations.overlays()) {
            Map<String, Object> kustomization = Kustomizations.read(overlay);
            if (overlay.getFileName().toString().equals("aggregated")) {
                // production plus the mode component, applied last; no namespace field, which would move its kube-system RoleBinding
                assertThat(Kustomizations.strings(kustomization, "resources")).as(overlay + " builds on production").containsExactly("../production");
                assertThat(kustomization).as(overlay + ": no namespace field").doesNotContainKey("namespace");
                assertThat(Kustomizations.strings(kustomization, "components")).as(overlay + " components")
                        .containsExactly("../../components/aggregated-api");
                continue;
            }
            assertThat(Kustomizations.strings(kustomization, "resources")).as(overlay + " builds on the base").contains("../../base");
            assertThat(kustomization.get("namespace")).as(overlay + " namespace").isEqualTo(Project.NAMESPACE);
            assertThat(Kustomizations.strings(kustomization, "components")).as(overlay + " components")
                    .containsExactlyInAnyOrder("../../components/kafka", "../../components/postgres", "../../components/mongodb");
        }
    }

    @Test
    void theModeComponentsNameTheirNamespaceThemselves() {
        // a mode component is applied where no namespace field is (overlays/aggregated): its namespaced objects say where they go
        for (String component : Kustomizations.MODE_COMPONENTS) {
            Path dir = Project.k8s().resolve("components").resolve(component);
            for (String resource : Kustomizations.strings(Kustomizations.read(dir), "resources")) {
                for (Map<String, Object> document : ManifestSet.documents(dir.resolve(resource))) {
                    HasMetadata object = ManifestSet.typed(document);
                    boolean namespaced = object instanceof io.fabric8.kubernetes.api.model.Namespaced || object instanceof GenericKubernetesResource;
                    if (namespaced) {
                        assertThat(object.getMetadata().getNamespace()).as(component + "/" + resource + ": " + object.getKind() + " "
                                + object.getMetadata().getName() + " names its namespace").isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void everyFileIsNamedByAKustomization() {
        Set<Path> named = new TreeSet<>();
        for (Path dir : Kustomizations.all()) {
            Map<String, Object> kustomization = Kustomizations.read(dir);
            named.add(dir.resolve("kustomization.yaml"));
            Kustomizations.strings(kustomization, "resources").forEach(r -> named.add(dir.resolve(r).normalize()));
            Kustomizations.maps(kustomization, "patches").stream().filter(p -> p.containsKey("path"))
                    .forEach(p -> named.add(dir.resolve(p.get("path").toString()).normalize()));
            Kustomizations.maps(kustomization, "configMapGenerator")
                    .forEach(g -> ((List<?>) g.getOrDefault("files", List.of())).forEach(f -> named.add(dir.resolve(f.toString()).normalize())));
        }
        List<Path> files = Stream.of("base", "components", "overlays")
                .flatMap(dir -> Project.files(Project.k8s().resolve(dir), "").stream()).toList();
        assertThat(files).as("files of k8s/ no kustomization names").allMatch(named::contains);
    }

    @ParameterizedTest
    @MethodSource("manifestFiles")
    void everyDocumentParsesAsItsKindWithoutUnknownFields(Path file) {
        String where = Project.k8s().relativize(file).toString();
        List<Object> documents = ManifestSet.yaml(Project.read(file));
        assertThat(documents).as(where + " documents").isNotEmpty();
        for (Object document : documents) {
            if (document instanceof List<?> operations) {
                // a JSON patch (RFC 6902)
                assertThat(operations).as(where + ": JSON patch operations").allSatisfy(op -> {
                    assertThat(op).isInstanceOf(Map.class);
                    assertThat(((Map<?, ?>) op).get("op")).isIn("add", "remove", "replace", "move", "copy", "test");
                    assertThat(((Map<?, ?>) op).get("path").toString()).startsWith("/");
                });
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            assertThat(map).as(where + ": apiVersion, kind and metadata.name").containsKeys("apiVersion", "kind", "metadata");
            HasMetadata object = ManifestSet.typed(map);
            String apiVersion = map.get("apiVersion").toString();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            boolean builtIn = !group.contains(".") || group.endsWith(".k8s.io");
            String kind = map.get("kind").toString();
            if (builtIn) {
                assertThat(object).as(where + ": " + kind + " " + apiVersion + " is a built-in type")
                        .isNotInstanceOf(GenericKubernetesResource.class);
                assertThat(object.getKind()).isEqualTo(kind);
                List<String> unknown = new ArrayList<>();
                unknownFields(object, kind, unknown);
                assertThat(unknown).as(where + ": fields the " + kind + " type does not have").isEmpty();
            } else {
                assertThat(group).as(where + ": custom resources of Strimzi, CloudNativePG and cert-manager only")
                        .isIn("kafka.strimzi.io", "postgresql.cnpg.io", "cert-manager.io");
                assertThat(object).isInstanceOf(GenericKubernetesResource.class);
                assertThat(((GenericKubernetesResource) object).getAdditionalProperties()).as(where + ": spec").containsKey("spec");
            }
        }
    }

    /** Walks a fabric8 model object; a non-empty additionalProperties means a field its type does not know. */
    static void unknownFields(Object node, String path, List<String> unknown) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Quantity) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else if (!(node instanceof io.fabric8.kubernetes.api.model.IntOrString)) {
                unknownFields(value, path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), unknown);
            }
        }
    }
}
