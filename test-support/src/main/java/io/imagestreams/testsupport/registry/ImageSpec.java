package io.imagestreams.testsupport.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link RegistryPusher} puts into an image: manifest format, platform, config fields and random layers.
 *
 * @param variant    CPU variant ({@code v8}) or null
 * @param layerCount how many random layers
 * @param layerSize  bytes per layer
 */
public record ImageSpec(ManifestFormat format, String os, String architecture, String variant, Instant created,
        List<String> env, Map<String, String> labels, List<String> exposedPorts, List<String> cmd,
        List<String> entrypoint, String workingDir, String user, int layerCount, int layerSize) {

    /** Manifest formats the pusher writes. */
    public enum ManifestFormat { DOCKER, OCI }

    public ImageSpec {
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
    }

    /** A Docker schema 2 linux image for {@code architecture}: two 512-byte layers, a fixed creation time. */
    public static ImageSpec linux(String architecture) {
        return new ImageSpec(ManifestFormat.DOCKER, "linux", architecture, null, Instant.parse("2026-01-02T03:04:05Z"),
                List.of("PATH=/usr/local/bin:/usr/bin:/bin"), Map.of(), List.of(), List.of("/bin/sh"), List.of(),
                null, null, 2, 512);
    }

    public ImageSpec withFormat(ManifestFormat format) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    /** The same image for another operating system (e.g. {@code windows}, {@code freebsd}). */
    public ImageSpec withOs(String os) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withVariant(String variant) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withCreated(Instant created) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withEnv(List<String> env) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withLabels(Map<String, String> labels) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withExposedPorts(List<String> exposedPorts) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withCommand(List<String> entrypoint, List<String> cmd) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withWorkingDirAndUser(String workingDir, String user) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }

    public ImageSpec withLayers(int layerCount, int layerSize) {
        return new ImageSpec(format, os, architecture, variant, created, env, labels, exposedPorts, cmd, entrypoint,
                workingDir, user, layerCount, layerSize);
    }
}
