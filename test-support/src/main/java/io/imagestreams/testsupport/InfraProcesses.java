package io.imagestreams.testsupport;

import io.imagestreams.launcher.ChildProcess;
import io.imagestreams.launcher.InfraServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts local-infra servers for tests: logs under {@code target/test-infra/}, data in throw-away folders,
 * and a JVM shutdown hook as a last resort so an aborted test run leaves no server behind.
 */
public final class InfraProcesses {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final AtomicInteger counter = new AtomicInteger();
    private static final Set<ChildProcess> running = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(p -> p.stop(STOP_GRACE)), "test-infra-cleanup"));
    }

    private InfraProcesses() {
    }

    static InfraServers servers() {
        return InfraServers.locate(Path.of("").toAbsolutePath());
    }

    public static ChildProcess start(String name, List<String> command) {
        Path log = workDir().resolve(name + "-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet() + ".log");
        ChildProcess process = new ChildProcess(name, command, log, null).start();
        running.add(process);
        return process;
    }

    public static void stop(ChildProcess process) {
        if (process != null) {
            process.stop(STOP_GRACE);
            running.remove(process);
        }
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(workDir(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path workDir() {
        Path dir = Path.of("target", "test-infra").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
