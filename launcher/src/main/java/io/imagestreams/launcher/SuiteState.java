package io.imagestreams.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What of the suite runs right now, read from its pid files, and the ports its last {@code up} used. A pid
 * counts only while that process runs and its command line still names the component, so a stale pid file
 * (the process died, or the pid was reused by something else) reads as stopped.
 */
final class SuiteState {

    static final String LAUNCHER_MARKER = SuiteCli.class.getName();

    private final SuiteConfig config;

    SuiteState(SuiteConfig config) {
        this.config = config;
    }

    Optional<ProcessHandle> running(Component component) {
        return readPid(config.pidFile(component))
                .flatMap(ProcessHandle::of)
                .filter(p -> Processes.isRunning(p) && Processes.commandLineContains(p, component.commandLineMarker()));
    }

    /** The running components, infrastructure first. */
    Map<Component, ProcessHandle> runningComponents() {
        Map<Component, ProcessHandle> running = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            running(component).ifPresent(p -> running.put(component, p));
        }
        return running;
    }

    /** A launcher running {@code up} in the foreground for this data folder. */
    Optional<ProcessHandle> foregroundLauncher() {
        return readPid(config.launcherPidFile())
                .filter(pid -> pid != ProcessHandle.current().pid())
                .flatMap(ProcessHandle::of)
                .filter(p -> Processes.isRunning(p) && Processes.commandLineContains(p, LAUNCHER_MARKER));
    }

    /**
     * A PostgreSQL server still serving the suite's cluster. Its JVM stops it on the way out, but a JVM that was
     * killed cannot, and the server is not that JVM's child (pg_ctl detaches it), so it would hold the cluster
     * and the port until someone stops it.
     */
    Optional<ProcessHandle> postmaster() {
        Path dataDir = config.postgresDataDir();
        return readPid(dataDir.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(p -> Processes.isRunning(p) && Processes.commandLineContains(p, dataDir.toString()));
    }

    void recordPorts() {
        Properties state = new Properties();
        config.ports().forEach((port, number) -> state.setProperty(port.stateKey(), Integer.toString(number)));
        state.setProperty("started", Instant.now().toString());
        try {
            Files.createDirectories(config.stateFile().getParent());
            try (Writer out = Files.newBufferedWriter(config.stateFile(), StandardCharsets.UTF_8)) {
                state.store(out, "ports of the last './suite up' (read by status)");
            }
        } catch (IOException e) {
            throw new LaunchException("cannot write " + config.stateFile() + ": " + e.getMessage(), e);
        }
    }

    /** The ports the last {@code up} recorded; empty if it never ran with this data folder. */
    Map<SuitePort, Integer> recordedPorts() {
        Map<SuitePort, Integer> ports = new EnumMap<>(SuitePort.class);
        if (!Files.exists(config.stateFile())) {
            return ports;
        }
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(config.stateFile(), StandardCharsets.UTF_8)) {
            state.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return ports;
        }
        for (SuitePort port : SuitePort.values()) {
            String value = state.getProperty(port.stateKey());
            if (value != null && value.trim().matches("\\d{1,5}")) {
                ports.put(port, Integer.parseInt(value.trim()));
            }
        }
        return ports;
    }

    void deletePidFile(Component component) {
        delete(config.pidFile(component));
    }

    void writeLauncherPid() {
        try {
            Files.createDirectories(config.runDir());
            Files.writeString(config.launcherPidFile(), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("cannot write " + config.launcherPidFile() + ": " + e.getMessage(), e);
        }
    }

    void deleteLauncherPid() {
        delete(config.launcherPidFile());
    }

    /** The pid in a pid file (first line); empty when the file is missing or holds no number. */
    static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LaunchException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
