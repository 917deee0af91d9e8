package io.imagestreams.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local suite's commands: {@code up}, {@code status}, {@code down} and {@code logs}. Everything lives under
 * the data folder of {@link SuiteConfig}; the pid files there let any later command find the processes.
 * Expected failures are {@link LaunchException}s whose message is meant for the user.
 */
public final class Suite {

    /** Exit code of {@code status} when nothing runs. */
    public static final int NOTHING_RUNNING = 3;
    /** Exit code of {@code status} when only part of the suite runs. */
    public static final int PARTLY_RUNNING = 1;

    /** A foreground launcher stops the suite itself: room for the grace periods of services and infrastructure. */
    private static final Duration LAUNCHER_GRACE = Stopper.GRACE.multipliedBy(3);
    private static final Duration STATUS_PROBE = Duration.ofSeconds(2);
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(250);
    static final String REGISTRY_SKIPPED = "registry: skipped, docker-registry is not installed ('apt-get install"
            + " docker-registry' adds a local registry whose pushes move streams; then 'systemctl disable --now"
            + " docker-registry' frees port 5000 from its system service)";

    private final SuiteConfig config;
    private final SuiteState state;
    private final PrintStream out;

    public Suite(SuiteConfig config, PrintStream out) {
        this.config = config;
        this.state = new SuiteState(config);
        this.out = out;
    }

    /**
     * Starts the infrastructure, then the services, and prints where to reach them. With {@code detach} it
     * returns once all are ready; otherwise it stays until a child dies (fails) or the JVM is asked to stop
     * (Ctrl-C, SIGTERM, or {@code down} from elsewhere), and then stops the suite.
     */
    public void up(boolean detach) {
        refuseIfRunning();
        SuiteCommands commands = new SuiteCommands(config);
        commands.checkBuilt();
        PortCheck.requireFree(config);
        state.recordPorts();

        SuiteRun run = new SuiteRun(config, commands, state, out);
        Thread shutdownHook = new Thread(run::stop, "suite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (!detach) {
            state.writeLauncherPid();
        }
        out.println("Starting the image streams suite (data in " + config.dataDir() + ")");
        skippedRegistry(config).ifPresent(out::println);
        try {
            run.start(config.infrastructure());
            run.start(Component.services());
        } catch (LaunchException e) {
            if (run.isStopping()) {
                throw new LaunchException("stopped while starting");
            }
            out.println("The suite did not start.");
            run.stop();
            throw e;
        }
        printTable(run);
        if (detach) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            out.println();
            out.println("The suite runs in the background: './suite status' checks it, './suite logs NAME' shows a log,"
                    + " './suite down' stops it.");
            return;
        }
        out.println();
        out.println("Press Ctrl-C to stop the suite (or run './suite down' elsewhere).");
        run.watch();
    }

    /** The line {@code up} prints when docker-registry is not installed: what is skipped and how to get it. */
    static Optional<String> skippedRegistry(SuiteConfig config) {
        return config.components().contains(Component.REGISTRY) ? Optional.empty() : Optional.of(REGISTRY_SKIPPED);
    }

    private void refuseIfRunning() {
        Map<Component, ProcessHandle> running = state.runningComponents();
        Optional<ProcessHandle> launcher = state.foregroundLauncher();
        Optional<ProcessHandle> postmaster = state.postmaster();
        if (running.keySet().containsAll(config.components())) {
            throw new LaunchException("the suite is already running (data in " + config.dataDir()
                    + "): './suite status' shows it, './suite down' stops it");
        }
        if (!running.isEmpty() || launcher.isPresent() || postmaster.isPresent()) {
            String what = running.entrySet().stream()
                    .map(e -> e.getKey() + " (pid " + e.getValue().pid() + ")")
                    .collect(Collectors.joining(", "));
            if (what.isEmpty()) {
                what = launcher.map(l -> "a launcher (pid " + l.pid() + ")")
                        .or(() -> postmaster.map(p -> "a PostgreSQL server (pid " + p.pid() + ")"))
                        .orElseThrow();
            }
            throw new LaunchException("part of the suite is still running: " + what
                    + ". Stop it with './suite down' first ('./suite status' shows what runs)");
        }
    }

    private void printTable(SuiteRun run) {
        String format = "%-16s %-8s %-52s %s%n";
        out.println();
        out.println("The image streams suite is ready:");
        out.printf(format, "NAME", "PID", "ADDRESS", "LOG");
        run.children().forEach((component, child) -> out.printf(format, component, child.pid(),
                address(component, config.port(component)), child.logFile()));
        out.println();
        out.println("Each service: URL" + Readiness.READY_PATH + " (readiness), URL/q/swagger-ui (API docs),"
                + " URL/q/metrics (Prometheus metrics).");
        out.println("PostgreSQL user and password: " + InfraServers.DB_USER + " / " + InfraServers.DB_PASSWORD + ".");
        if (run.children().containsKey(Component.REGISTRY)) {
            out.println("Registry: push to 127.0.0.1:" + config.port(SuitePort.REGISTRY) + " over plain HTTP (skopeo"
                    + " --dest-tls-verify=false); each push makes scheduled tags importing it check at once.");
        }
    }

    static String address(Component component, int port) {
        return switch (component) {
            case POSTGRES -> "postgresql://127.0.0.1:" + port + "/" + InfraServers.STREAMS_DATABASE + " (and /"
                    + InfraServers.PRUNE_DATABASE + ")";
            case KAFKA -> "127.0.0.1:" + port + " (bootstrap servers)";
            case MONGO -> "mongodb://127.0.0.1:" + port;
            case REGISTRY -> "127.0.0.1:" + port + " (plain HTTP, no auth)";
            default -> Readiness.serviceUrl(port);
        };
    }

    /** Prints one line per component; returns 0 when all run, {@link #NOTHING_RUNNING} or {@link #PARTLY_RUNNING}. */
    public int status() {
        SuiteConfig used = config.withPorts(state.recordedPorts());
        Map<Component, ProcessHandle> running = state.runningComponents();
        String format = "%-16s %-8s %-8s %-6s %s%n";
        out.println("Image streams suite, data in " + config.dataDir());
        out.printf(format, "NAME", "STATE", "PID", "PORT", "READY");
        List<Component> expected = config.components();
        for (Component component : Component.values()) {
            int port = used.port(component);
            ProcessHandle process = running.get(component);
            if (process == null) {
                out.printf(format, component, expected.contains(component) ? "stopped" : "absent", "-", port, "-");
            } else {
                boolean ready = component.isService() ? Readiness.serviceReady(port, STATUS_PROBE)
                        : component == Component.REGISTRY ? Readiness.registryReady(port, STATUS_PROBE)
                        : Readiness.accepting(port, STATUS_PROBE);
                out.printf(format, component, "running", process.pid(), port, ready ? "ready" : "not ready");
            }
        }
        state.foregroundLauncher().ifPresent(l -> out.println("Started in the foreground by launcher pid " + l.pid() + "."));
        Optional<ProcessHandle> postmaster = running.containsKey(Component.POSTGRES) ? Optional.empty() : state.postmaster();
        postmaster.ifPresent(p -> out.println("A PostgreSQL server (pid " + p.pid() + ") still serves "
                + config.postgresDataDir() + " without its JVM: './suite down' stops it."));
        if (!expected.contains(Component.REGISTRY) && !running.containsKey(Component.REGISTRY)) {
            out.println("The registry is absent: docker-registry is not installed ('apt-get install docker-registry' adds it).");
        }
        if (running.keySet().containsAll(expected)) {
            out.println("All " + running.size() + " components are running.");
            return 0;
        }
        if (running.isEmpty() && postmaster.isEmpty()) {
            out.println("The suite is not running: './suite up' starts it.");
            return NOTHING_RUNNING;
        }
        out.println(running.size() + " of " + expected.size()
                + " components are running: './suite down' stops them, then './suite up' starts the suite afresh.");
        return PARTLY_RUNNING;
    }

    /** Stops whatever of the suite runs: services, then infrastructure; idempotent. */
    public void down() {
        Map<Component, ProcessHandle> running = state.runningComponents();
        Optional<ProcessHandle> launcher = state.foregroundLauncher();
        if (running.isEmpty() && launcher.isEmpty() && state.postmaster().isEmpty()) {
            deleteStalePidFiles();
            out.println("Nothing to stop: the suite is not running (data in " + config.dataDir() + ").");
            return;
        }
        launcher.ifPresent(l -> stopLauncher(l, running));
        new Stopper(state, out).stop(state.runningComponents());
        deleteStalePidFiles();
        out.println("The suite is stopped; its data stays in " + config.dataDir() + ".");
    }

    /** A foreground launcher stops its children itself, in order, when it gets SIGTERM. */
    private void stopLauncher(ProcessHandle launcher, Map<Component, ProcessHandle> running) {
        out.println("asking the foreground launcher (pid " + launcher.pid() + ") to stop the suite");
        launcher.destroy();
        if (!Processes.awaitGone(launcher, LAUNCHER_GRACE)) {
            launcher.destroyForcibly();
            Processes.awaitGone(launcher, Duration.ofSeconds(5));
        }
        Stream.concat(Component.services().stream(), Component.infrastructure().stream())
                .filter(running::containsKey)
                .filter(component -> !Processes.isRunning(running.get(component)))
                .forEach(component -> out.println("stopped " + component + " (pid " + running.get(component).pid() + ")"));
    }

    private void deleteStalePidFiles() {
        for (Component component : Component.values()) {
            if (state.running(component).isEmpty()) {
                state.deletePidFile(component);
            }
        }
        if (state.foregroundLauncher().isEmpty()) {
            state.deleteLauncherPid();
        }
    }

    /** Prints a component's log; with {@code follow}, keeps printing what is appended until interrupted. */
    public void logs(String name, boolean follow) {
        Component component = Component.named(name).orElseThrow(() -> new LaunchException(
                "no component named '" + name + "'; the names are: " + Component.validNames()));
        Path log = config.logFile(component);
        if (!Files.isRegularFile(log)) {
            throw new LaunchException("no log for " + component + " yet: " + log
                    + " does not exist (the suite has not run with this data folder)");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            InputStream in = Channels.newInputStream(channel);
            in.transferTo(out);
            out.flush();
            while (follow) {
                ChildProcess.pause(FOLLOW_INTERVAL);
                if (channel.size() < channel.position()) {
                    // the file was replaced or truncated: start over
                    channel.position(0);
                }
                in.transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }
}
