package io.imagestreams.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How much CPU programs outside the benchmark took while it measured, from {@code /proc}: the machine's user and
 * system time minus that of the benchmark's own processes (this JVM, the suite's processes, the registry, and all
 * their descendants, such as PostgreSQL's backends). On a shared machine this tells a clean measurement from a
 * disturbed one. Interrupt and steal time are left out: loopback traffic is counted there, not in any process.
 * A process's time includes that of its children it has reaped, so short-lived children (a skopeo run, a
 * PostgreSQL backend) count as the benchmark's even when no sample saw them alive.
 */
final class CpuAccounting {

    private final List<Long> roots;

    private CpuAccounting(List<Long> roots) {
        this.roots = roots;
    }

    /** Empty where there is no {@code /proc}. */
    static Optional<CpuAccounting> of(List<Long> ownRoots) {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return Optional.empty();
        }
        return Optional.of(new CpuAccounting(Stream.concat(Stream.of(ProcessHandle.current().pid()), ownRoots.stream()).toList()));
    }

    Sample sample() {
        Map<Long, Long> own = new HashMap<>();
        for (long root : roots) {
            ProcessHandle.of(root).ifPresent(process -> Stream.concat(Stream.of(process), process.descendants())
                    .forEach(p -> processJiffies(p.pid()).ifPresent(j -> own.put(p.pid(), j))));
        }
        long[] machine = machineJiffies();
        return new Sample(machine[0], machine[1], own);
    }

    /** Jiffies of the whole machine and of each of the benchmark's processes at one moment. */
    record Sample(long total, long processBusy, Map<Long, Long> own) {

        /** CPUs' worth of time other programs used between {@code before} and this sample. */
        double othersSince(Sample before, int cpus) {
            long total = this.total - before.total;
            if (total <= 0) {
                return 0;
            }
            long ownDelta = 0;
            for (Map.Entry<Long, Long> process : own.entrySet()) {
                // a process started during the window spent all its time in it
                ownDelta += process.getValue() - before.own.getOrDefault(process.getKey(), 0L);
            }
            for (Map.Entry<Long, Long> gone : before.own.entrySet()) {
                // reaped during the window: its whole time moved into its parent's, the part before the window is not ours
                if (!own.containsKey(gone.getKey())) {
                    ownDelta -= gone.getValue();
                }
            }
            long others = Math.max(0, processBusy - before.processBusy - ownDelta);
            return (double) others / total * cpus;
        }
    }

    /** {all jiffies, user + nice + system jiffies} over all CPUs. */
    private static long[] machineJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /** utime + stime of one process (all its threads) and cutime + cstime of its reaped children, or empty once it is gone. */
    private static Optional<Long> processJiffies(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: the fields that matter follow the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
