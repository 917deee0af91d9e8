package io.imagestreams.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One child process of the suite or of a test: its output goes to a log file, its pid to a pid file, so a
 * later {@code ./suite down} from another JVM can find and stop it.
 */
public final class ChildProcess {

    /** Written to the log before each start, so readiness checks read only the current run's lines. */
    static final String START_MARKER = "==== imagestreams launcher: starting ";

    /** How long children of a stopped process get to finish on their own before they are killed. */
    private static final Duration DESCENDANT_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Path pidFile;
    private final Map<String, String> environment;
    private ProcessHandle handle;

    public ChildProcess(String name, List<String> command, Path logFile, Path pidFile, Map<String, String> environment) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.environment = Map.copyOf(environment);
    }

    public ChildProcess(String name, List<String> command, Path logFile, Path pidFile) {
        this(name, command, logFile, pidFile, Map.of());
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> command() {
        return command;
    }

    /** Starts the process, appending to its log file (a restart keeps the earlier log). */
    public ChildProcess start() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, START_MARKER + name + " at " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            handle = builder.start().toHandle();
            if (pidFile != null) {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, Long.toString(handle.pid()), StandardCharsets.UTF_8);
            }
            return this;
        } catch (IOException e) {
            throw new LaunchException(name + " could not be started (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    public boolean isAlive() {
        return handle != null && handle.isAlive();
    }

    public long pid() {
        return handle == null ? -1 : handle.pid();
    }

    /** The started process; empty before {@link #start()}. */
    public Optional<ProcessHandle> handle() {
        return Optional.ofNullable(handle);
    }

    /**
     * Waits until {@code readiness} yields a value, failing fast (with the log tail) when the process exits
     * first or the timeout passes.
     */
    public <T> T awaitReady(Duration timeout, Supplier<Optional<T>> readiness) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> ready = readiness.get();
            if (ready.isPresent()) {
                return ready.get();
            }
            if (!isAlive()) {
                throw new LaunchException(name + " exited before it was ready. Last lines of " + logFile + ":\n" + tail(30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException(name + " was not ready after " + timeout.toSeconds() + " s. Last lines of "
                        + logFile + ":\n" + tail(30));
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Waits for the local-infra ready line and returns the port it announced. */
    public int awaitInfraReady(Duration timeout) {
        return awaitReady(timeout, () -> InfraServers.announcedPort(logFile));
    }

    /** Stops the process tree gently (SIGTERM), then forcibly after {@code grace}. */
    public void stop(Duration grace) {
        if (handle != null) {
            stopTree(handle, grace);
        }
        deletePidFile();
    }

    public String tail(int lines) {
        return tail(logFile, lines);
    }

    void deletePidFile() {
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * SIGTERM to the process (whose hooks stop their own children), then SIGKILL to whatever is left. Returns
     * once the process and the descendants it had are gone (or could not be killed).
     */
    public static void stopTree(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroy();
        if (!Processes.awaitGone(process, grace)) {
            process.destroyForcibly();
            Processes.awaitGone(process, DESCENDANT_GRACE);
        }
        // a child that outlived its parent (e.g. a database server) must not be left behind
        Instant childDeadline = Instant.now().plus(DESCENDANT_GRACE);
        for (ProcessHandle descendant : descendants) {
            if (!Processes.awaitGone(descendant, Duration.between(Instant.now(), childDeadline))) {
                descendant.destroyForcibly();
                Processes.awaitGone(descendant, DESCENDANT_GRACE);
            }
        }
    }

    /** The last lines of the log's latest run (a log keeps earlier runs after their start lines). */
    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log yet)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            int runStart = 0;
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).startsWith(START_MARKER)) {
                    runStart = i;
                    break;
                }
            }
            return String.join("\n", all.subList(Math.max(runStart, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }
}
