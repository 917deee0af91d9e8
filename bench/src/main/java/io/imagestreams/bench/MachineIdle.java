package io.imagestreams.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until the machine's CPUs are mostly idle, from {@code /proc/stat}: after seeding, the other services and
 * the broker are still working through the change events, and a measurement must not share the CPUs with them.
 */
final class MachineIdle {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Duration SAMPLE = Duration.ofSeconds(1);

    private MachineIdle() {
    }

    /**
     * Returns once {@code quietSamples} one-second samples in a row had less than {@code maxBusy} (0..1) of the
     * CPUs busy, or after {@code limit}; returns the busy share of the last sample, or empty where there is no
     * {@code /proc/stat}.
     */
    static Optional<Double> await(double maxBusy, int quietSamples, Duration limit) throws InterruptedException {
        if (!Files.isReadable(STAT)) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + limit.toNanos();
        long[] before = read();
        int quiet = 0;
        double busy = 1;
        while (quiet < quietSamples && System.nanoTime() < deadline) {
            Thread.sleep(SAMPLE.toMillis());
            long[] after = read();
            long total = after[0] - before[0];
            long idle = after[1] - before[1];
            busy = total <= 0 ? 0 : 1 - (double) idle / total;
            quiet = busy < maxBusy ? quiet + 1 : 0;
            before = after;
        }
        return Optional.of(busy);
    }

    /** {total, idle} jiffies over all CPUs; idle includes I/O wait. */
    private static long[] read() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is already counted in user
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
