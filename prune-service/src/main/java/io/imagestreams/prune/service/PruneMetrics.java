package io.imagestreams.prune.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Prune metrics: runs by outcome, history entries removed, images deleted, bytes reclaimed, plan duration. */
@ApplicationScoped
public class PruneMetrics {

    private final MeterRegistry registry;
    private final Counter entriesRemoved;
    private final Counter imagesDeleted;
    private final Counter bytesReclaimed;
    private final Timer planDuration;

    public PruneMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.entriesRemoved = Counter.builder("imagestreams.prune.history.entries.removed").register(registry);
        this.imagesDeleted = Counter.builder("imagestreams.prune.images.deleted").register(registry);
        this.bytesReclaimed = Counter.builder("imagestreams.prune.bytes.reclaimed").baseUnit("bytes").register(registry);
        this.planDuration = Timer.builder("imagestreams.prune.plan.duration").register(registry);
    }

    /** A run reached {@code state}: Succeeded (dry run or applied), Failed or Undone. */
    public void runFinished(String state) {
        Counter.builder("imagestreams.prune.runs").tag("state", state).register(registry).increment();
    }

    /** A finished run was deleted after the retention period. */
    public void runDeleted() {
        Counter.builder("imagestreams.prune.runs.deleted").register(registry).increment();
    }

    public void entriesRemoved(int count) {
        entriesRemoved.increment(count);
    }

    public void imageDeleted(long bytes) {
        imagesDeleted.increment();
        bytesReclaimed.increment(bytes);
    }

    public void planned(Duration duration) {
        planDuration.record(duration);
    }
}
