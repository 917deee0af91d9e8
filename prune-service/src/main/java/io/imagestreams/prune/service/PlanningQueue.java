package io.imagestreams.prune.service;

import io.imagestreams.prune.config.PruneServiceConfig;
import io.imagestreams.prune.rest.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Runs plans a few at a time. A plan holds two pooled connections for its whole length (one reads the projection,
 * one writes the plan), so unbounded concurrent plans would starve the pool that the API, the change-log consumer
 * and the command relay share. Runs beyond {@code imagestreams.planning.max-concurrent} wait here in arrival order
 * (their state stays Planning and their view says Queued); more than {@code max-queued} waiting is refused.
 */
@Startup // a bad setting stops the start, not the first run
@ApplicationScoped
public class PlanningQueue {

    private final int maxConcurrent;
    private final int maxQueued;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;
    private int reserved;

    public PlanningQueue(PruneServiceConfig config, MeterRegistry registry) {
        this.maxConcurrent = config.planning().maxConcurrent();
        this.maxQueued = config.planning().maxQueued();
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("imagestreams.planning.max-concurrent must be at least 1 and"
                    + " imagestreams.planning.max-queued at least 0 (they are " + maxConcurrent + " and " + maxQueued + ")");
        }
        Gauge.builder("imagestreams.prune.plans.running", this, q -> q.running()).register(registry);
        Gauge.builder("imagestreams.prune.plans.queued", this, q -> q.queued()).register(registry);
    }

    /**
     * Takes a place for one more plan, or refuses with 429 when {@code max-queued} runs wait already. Called before
     * the run is stored, so a refused request leaves nothing behind; the place is used by {@link #submit}.
     */
    public synchronized void reserve() {
        if (running + waiting.size() + reserved >= maxConcurrent + maxQueued) {
            throw new ApiException(429, maxQueued + " prune runs are already waiting to be planned; try again when some have finished",
                    null);
        }
        reserved++;
    }

    /** Gives back a place taken by {@link #reserve} whose run was not stored. */
    public synchronized void release() {
        reserved--;
    }

    /** Plans with the place taken by {@link #reserve}: at once when a slot is free, else when one frees up. */
    public Uni<Void> submit(Supplier<Uni<Void>> plan) {
        return Uni.createFrom().emitter(emitter -> {
            // deferred: a plan that fails to start still frees its slot
            Runnable start = () -> Uni.createFrom().<Void>deferred(plan::get)
                    .onTermination().invoke(this::finished)
                    .subscribe().with(emitter::complete, emitter::fail);
            boolean now;
            synchronized (this) {
                reserved--;
                now = running < maxConcurrent;
                if (now) {
                    running++;
                } else {
                    waiting.add(start);
                }
            }
            if (now) {
                start.run();
            }
        });
    }

    private void finished() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run(); // the finished plan's slot passes to the next one
        }
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int queued() {
        return waiting.size() + reserved;
    }
}
