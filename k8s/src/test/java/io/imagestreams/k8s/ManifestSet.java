package io.imagestreams.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A set of Kubernetes objects: the base and components assembled from their files, or an overlay rendered by kubectl. */
final class ManifestSet {

    private final String name;
    private final List<HasMetadata> objects;

    ManifestSet(String name, List<HasMetadata> objects) {
        this.name = name;
        this.objects = List.copyOf(objects);
    }

    String name() {
        return name;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(
                () -> new AssertionError(name + ": no " + type.getSimpleName() + " named " + objectName));
    }

    /** Custom resources (Strimzi, CloudNativePG) of one kind. */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    GenericKubernetesResource custom(String kind, String objectName) {
        return custom(kind).stream().filter(r -> r.getMetadata().getName().equals(objectName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + kind + " named " + objectName));
    }

    Deployment deployment(String service) {
        return get(Deployment.class, service);
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- reading

    /** Every YAML document of a file, as plain maps (empty documents skipped). */
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object value : yaml(yaml)) {
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> document = (Map<String, Object>) map;
                documents.add(document);
            } else {
                throw new IllegalArgumentException("a YAML document that is not a mapping: " + value);
            }
        }
        return documents;
    }

    /** Every YAML document of a text, as maps, lists and scalars (empty documents skipped). */
    static List<Object> yaml(String yaml) {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static List<Map<String, Object>> documents(Path file) {
        return documents(Project.read(file));
    }

    /** A document as the typed fabric8 object of its kind, or a GenericKubernetesResource for a custom kind. */
    static HasMetadata typed(Map<String, Object> document) {
        Object value = Serialization.unmarshal(Serialization.asJson(document));
        if (!(value instanceof HasMetadata object)) {
            throw new IllegalArgumentException("not a Kubernetes object: " + document.get("kind"));
        }
        return object;
    }

    /**
     * The objects a kustomization lists, without running kustomize: its resources (files and directories) and
     * components, recursively, and ConfigMaps of configMapGenerator files. Only for kustomizations without
     * patches (the base and the components), which KustomizationTest checks.
     */
    static ManifestSet assemble(String name, Path... kustomizationDirs) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Path dir : kustomizationDirs) {
            collect(dir, objects);
        }
        for (HasMetadata object : objects) {
            boolean namespaced = object instanceof Namespaced || object instanceof GenericKubernetesResource;
            if (namespaced && object.getMetadata().getNamespace() == null) {
                object.getMetadata().setNamespace(Project.NAMESPACE);
            }
        }
        return new ManifestSet(name, objects);
    }

    /** base + every infrastructure component: what the overlays are made of. */
    static ManifestSet baseWithComponents() {
        Path k8s = Project.k8s();
        List<Path> dirs = new ArrayList<>();
        dirs.add(k8s.resolve("base"));
        dirs.addAll(Kustomizations.infrastructure());
        return assemble("base+components", dirs.toArray(Path[]::new));
    }

    private static void collect(Path dir, List<HasMetadata> objects) {
        Map<String, Object> kustomization = Kustomizations.read(dir);
        for (String entry : Kustomizations.strings(kustomization, "resources")) {
            Path path = dir.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                collect(path, objects);
            } else {
                documents(path).forEach(d -> objects.add(typed(d)));
            }
        }
        for (String entry : Kustomizations.strings(kustomization, "components")) {
            collect(dir.resolve(entry).normalize(), objects);
        }
        for (Map<String, Object> generator : Kustomizations.maps(kustomization, "configMapGenerator")) {
            Map<String, String> data = new LinkedHashMap<>();
            for (Object file : (List<?>) generator.getOrDefault("files", List.of())) {
                Path path = dir.resolve(file.toString());
                data.put(path.getFileName().toString(), Project.read(path));
            }
            ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(generator.get("name").toString()).endMetadata()
                    .withData(data).build();
            objects.add(map);
        }
    }

    // ---- kubectl

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code kubectl kustomize <dir>}: renders locally, never contacts a cluster. */
    static ManifestSet render(Path kubectl, Path kustomizationDir) {
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomizationDir.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + kustomizationDir + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + kustomizationDir + " failed (" + process.exitValue() + "): "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                List<HasMetadata> objects = documents(output).stream().map(ManifestSet::typed).toList();
                return new ManifestSet(Project.k8s().relativize(kustomizationDir).toString(), objects);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
