package io.imagestreams.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** One {@code up}: the children it started, waiting until they are ready, watching them, and stopping them. */
final class SuiteRun {

    static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final SuiteConfig config;
    private final SuiteCommands commands;
    private final SuiteState state;
    private final PrintStream out;
    private final Map<Component, ChildProcess> children = new EnumMap<>(Component.class);
    private boolean stopping;

    SuiteRun(SuiteConfig config, SuiteCommands commands, SuiteState state, PrintStream out) {
        this.config = config;
        this.commands = commands;
        this.state = state;
        this.out = out;
    }

    /** Starts the components together and waits until each is ready; fails on the first that is not. */
    void start(List<Component> group) {
        List<ChildProcess> started = new ArrayList<>();
        synchronized (this) {
            if (stopping) {
                throw new LaunchException("the suite is being stopped");
            }
            for (Component component : group) {
                ChildProcess child = new ChildProcess(component.displayName(), commands.command(component),
                        config.logFile(component), config.pidFile(component), commands.environment(component)).start();
                children.put(component, child);
                started.add(child);
            }
        }
        awaitAll(group, started);
    }

    private void awaitAll(List<Component> group, List<ChildProcess> started) {
        ExecutorService pool = Executors.newFixedThreadPool(started.size());
        try {
            CompletionService<Void> waits = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < started.size(); i++) {
                Component component = group.get(i);
                ChildProcess child = started.get(i);
                waits.submit(() -> {
                    awaitReady(component, child);
                    return null;
                });
            }
            for (int i = 0; i < started.size(); i++) {
                waits.take().get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LaunchException launch ? launch
                    : new LaunchException("waiting for the suite failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the suite to start", e);
        } finally {
            // the other waits end at their next pause, as interrupted; none may report after this returns
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(PROBE_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Component component, ChildProcess child) {
        Instant begin = Instant.now();
        int port = config.port(component);
        if (component.isService()) {
            child.awaitReady(SERVICE_TIMEOUT,
                    () -> Readiness.serviceReady(port, PROBE_TIMEOUT) ? Optional.of(port) : Optional.empty());
        } else if (component == Component.REGISTRY) {
            child.awaitReady(INFRA_TIMEOUT,
                    () -> Readiness.registryReady(port, PROBE_TIMEOUT) ? Optional.of(port) : Optional.empty());
        } else {
            int announced = child.awaitInfraReady(INFRA_TIMEOUT);
            if (announced != port) {
                throw new LaunchException(component + " announced port " + announced + " instead of " + port);
            }
        }
        double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        out.println(String.format(Locale.ROOT, "%-16s ready on port %d (%.1f s)", component, port, seconds));
    }

    Map<Component, ChildProcess> children() {
        return children;
    }

    /**
     * Blocks until a child exits. Returns normally when that happened because the suite is being stopped;
     * otherwise names the child, shows its log tail, stops the rest and fails.
     */
    void watch() {
        List<CompletableFuture<ProcessHandle>> exits = children.values().stream()
                .map(child -> child.handle().orElseThrow().onExit())
                .toList();
        CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
        synchronized (this) {
            if (stopping) {
                return;
            }
        }
        ChildProcess dead = children.values().stream().filter(child -> !child.isAlive()).findFirst().orElseThrow();
        String message = dead.name() + " (pid " + dead.pid() + ") exited unexpectedly. Last lines of "
                + dead.logFile() + ":\n" + dead.tail(30);
        stop();
        throw new LaunchException(message + "\nThe rest of the suite was stopped.");
    }

    /** Stops every child started so far (services first); safe to call more than once, from any thread. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (!children.isEmpty()) {
            out.println("Stopping the suite: the services first, then the infrastructure.");
        }
        Map<Component, ProcessHandle> processes = new EnumMap<>(Component.class);
        children.forEach((component, child) -> child.handle().ifPresent(handle -> processes.put(component, handle)));
        try {
            new Stopper(state, out).stop(processes);
        } finally {
            if (SuiteState.readPid(config.launcherPidFile()).orElse(-1L) == ProcessHandle.current().pid()) {
                state.deleteLauncherPid();
            }
        }
    }

    synchronized boolean isStopping() {
        return stopping;
    }
}
