package io.imagestreams.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The kustomization.yaml files of k8s/ and what they list. */
final class Kustomizations {

    private Kustomizations() {
    }

    static Map<String, Object> read(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(dir + " has no kustomization.yaml");
        }
        List<Map<String, Object>> documents = ManifestSet.documents(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + " must hold one document");
        }
        return documents.get(0);
    }

    /** Every folder of k8s/ with a kustomization.yaml (base, components, overlays). */
    static List<Path> all() {
        return Project.files(Project.k8s(), "kustomization.yaml").stream()
                .filter(p -> !p.startsWith(Project.k8s().resolve("target")) && !p.startsWith(Project.k8s().resolve("src")))
                .map(Path::getParent).toList();
    }

    /**
     * Components that change how the services run instead of adding infrastructure: they patch the base, so they
     * are checked as an overlay renders them (overlays/aggregated), not assembled file by file.
     */
    static final List<String> MODE_COMPONENTS = List.of("aggregated-api");

    /** Every component: the infrastructure ones and the mode ones. */
    static List<Path> components() {
        Path dir = Project.k8s().resolve("components");
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The infrastructure components (Kafka, PostgreSQL, MongoDB): plain resources, no patches. */
    static List<Path> infrastructure() {
        return components().stream().filter(p -> !MODE_COMPONENTS.contains(p.getFileName().toString())).toList();
    }

    static List<Path> overlays() {
        Path dir = Project.k8s().resolve("overlays");
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(Map<String, Object> kustomization, String field) {
        Object value = kustomization.get(field);
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> kustomization, String field) {
        Object value = kustomization.get(field);
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(v -> (Map<String, Object>) v).toList();
    }
}
