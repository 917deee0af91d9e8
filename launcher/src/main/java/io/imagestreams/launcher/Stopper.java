package io.imagestreams.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stops suite processes in dependency order: the services together, then the infrastructure together, then a
 * PostgreSQL server its JVM left behind. Each gets SIGTERM, and SIGKILL after the grace period.
 */
final class Stopper {

    /** Longer than the services' own shutdown timeout (Quarkus waits for requests in flight). */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final SuiteState state;
    private final PrintStream out;

    Stopper(SuiteState state, PrintStream out) {
        this.state = state;
        this.out = out;
    }

    /** Stops the processes and deletes their pid files; fails naming any process that would not go. */
    void stop(Map<Component, ProcessHandle> processes) {
        List<String> survivors = new ArrayList<>();
        survivors.addAll(stopTogether(select(processes, true)));
        survivors.addAll(stopTogether(select(processes, false)));
        state.postmaster().ifPresent(postmaster -> {
            out.println("stopping the PostgreSQL server its JVM left running (pid " + postmaster.pid() + ")");
            ChildProcess.stopTree(postmaster, GRACE);
            if (Processes.isRunning(postmaster)) {
                survivors.add("PostgreSQL server (pid " + postmaster.pid() + ")");
            }
        });
        if (!survivors.isEmpty()) {
            throw new LaunchException("could not stop " + String.join(", ", survivors)
                    + ": stop it by hand (kill -9 PID) before the next './suite up'");
        }
    }

    private List<String> stopTogether(Map<Component, ProcessHandle> group) {
        List<CompletableFuture<String>> stops = new ArrayList<>();
        group.forEach((component, process) -> stops.add(CompletableFuture.supplyAsync(() -> stop(component, process),
                runnable -> new Thread(runnable, "stop-" + component).start())));
        List<String> survivors = new ArrayList<>();
        for (CompletableFuture<String> stop : stops) {
            String survivor = stop.join();
            if (survivor != null) {
                survivors.add(survivor);
            }
        }
        return survivors;
    }

    /** Returns null once stopped, else a description of the survivor. */
    private String stop(Component component, ProcessHandle process) {
        if (!Processes.isRunning(process)) {
            state.deletePidFile(component);
            return null;
        }
        ChildProcess.stopTree(process, GRACE);
        if (Processes.isRunning(process)) {
            return component + " (pid " + process.pid() + ")";
        }
        state.deletePidFile(component);
        out.println("stopped " + component + " (pid " + process.pid() + ")");
        return null;
    }

    private static Map<Component, ProcessHandle> select(Map<Component, ProcessHandle> processes, boolean services) {
        Map<Component, ProcessHandle> selected = new EnumMap<>(Component.class);
        processes.forEach((component, process) -> {
            if (component.isService() == services) {
                selected.put(component, process);
            }
        });
        return selected;
    }
}
