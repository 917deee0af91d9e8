package io.imagestreams.stream.service.watch;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one change-log poller of this JVM. It runs only while a watch is open: every poll interval it reads the rows
 * it has not seen (new ones, and late commits below them: see {@link LookBackWindow}) in one query and hands them to
 * every open watch, however many there are. Watches queue what they get and write it on their own connection's thread.
 */
@ApplicationScoped
public class WatchHub {

    private final Vertx vertx;
    private final WatchLog log;
    private final WatchConfig config;
    private final Set<WatchSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** At most one poll at a time, so the window needs no locking. */
    private final AtomicBoolean polling = new AtomicBoolean();

    // guarded by this
    private final List<Runnable> afterNextPoll = new ArrayList<>();
    private CompletableFuture<Void> started;
    private LookBackWindow window;
    private long timerId = -1;
    private long generation;

    private volatile long settled;
    /** Whether the last poll failed, so an outage is logged once, not five times a second (poll thread only). */
    private boolean failing;

    public WatchHub(Vertx vertx, WatchLog log, WatchConfig config) {
        this.vertx = vertx;
        this.log = log;
        this.config = config;
    }

    /**
     * Adds a watch; it gets every row the poller reads from now on. The answer completes once the poller runs:
     * only then may the watch list or catch up, so that nothing committed in between falls through.
     */
    public Uni<Void> subscribe(WatchSubscriber subscriber) {
        CompletableFuture<Void> ready;
        synchronized (this) {
            subscribers.add(subscriber);
            if (started == null) {
                started = new CompletableFuture<>();
                start(started, ++generation);
            }
            ready = started;
        }
        return Uni.createFrom().completionStage(ready);
    }

    /** Removes a watch; the poller stops with the last one. */
    public void unsubscribe(WatchSubscriber subscriber) {
        synchronized (this) {
            if (subscribers.remove(subscriber) && subscribers.isEmpty()) {
                stop();
            }
        }
    }

    /**
     * Runs {@code callback} on the poller's thread after the next poll that starts from now on has handed out its
     * rows: by then every row committed before this call has been delivered.
     */
    public void afterNextPoll(Runnable callback) {
        synchronized (this) {
            afterNextPoll.add(callback);
        }
    }

    /** Every version up to this one has been handed to the watches subscribed when it was read. */
    public long settledResourceVersion() {
        return settled;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /**
     * Open watches count as requests in flight, so Quarkus' graceful shutdown would wait its whole timeout for them.
     * With {@code quarkus.shutdown.delay-enabled} they end when shutdown begins and clients reconnect elsewhere;
     * without it, this event is not fired and they end at {@link ShutdownEvent}.
     */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        endAll();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        endAll();
    }

    private void endAll() {
        for (WatchSubscriber subscriber : subscribers) {
            subscriber.shutdown();
        }
        synchronized (this) {
            subscribers.clear();
            stop();
        }
    }

    private void start(CompletableFuture<Void> ready, long startedGeneration) {
        log.openWindow(config.lookBack()).subscribe().with(opened -> {
            synchronized (this) {
                if (startedGeneration == generation) {
                    window = opened;
                    settled = opened.horizon();
                    timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll(startedGeneration));
                }
            }
            ready.complete(null);
        }, failure -> {
            Log.error("cannot start watching the image stream change log", failure);
            synchronized (this) {
                if (startedGeneration == generation) {
                    stop();
                }
            }
            ready.completeExceptionally(failure);
        });
    }

    // guarded by this
    private void stop() {
        generation++;
        started = null;
        window = null;
        afterNextPoll.clear();
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void poll(long pollGeneration) {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        LookBackWindow current;
        List<Runnable> callbacks;
        synchronized (this) {
            if (pollGeneration != generation) {
                polling.set(false);
                return;
            }
            current = window;
            callbacks = new ArrayList<>(afterNextPoll);
            afterNextPoll.clear();
        }
        current.advance(System.nanoTime());
        log.poll(current.highest(), current.gaps(), config.pollBatchSize()).subscribe().with(
                rows -> polled(pollGeneration, current, callbacks, rows),
                failure -> failed(pollGeneration, callbacks, failure));
    }

    private void polled(long pollGeneration, LookBackWindow current, List<Runnable> callbacks, List<WatchRow> rows) {
        List<WatchRow> fresh = current.record(rows, System.nanoTime());
        if (failing) {
            failing = false;
            Log.info("reading the image stream change log works again");
        }
        synchronized (this) {
            if (pollGeneration != generation) {
                polling.set(false);
                return;
            }
        }
        if (!fresh.isEmpty()) {
            for (WatchSubscriber subscriber : subscribers) {
                deliver(subscriber, fresh);
            }
        }
        // published only now: a bookmark at this version must not overtake rows still being handed out
        settled = current.horizon();
        callbacks.forEach(WatchHub::run);
        polling.set(false);
        if (rows.size() >= config.pollBatchSize()) {
            poll(pollGeneration);
        }
    }

    private void failed(long pollGeneration, List<Runnable> callbacks, Throwable failure) {
        if (!failing) {
            failing = true;
            Log.warnf("reading the image stream change log failed, retrying every poll: %s", failure.toString());
        }
        synchronized (this) {
            if (pollGeneration == generation) {
                afterNextPoll.addAll(0, callbacks);
            }
        }
        polling.set(false);
    }

    private static void deliver(WatchSubscriber subscriber, List<WatchRow> rows) {
        try {
            subscriber.deliver(rows);
        } catch (RuntimeException e) {
            Log.error("a watch failed to take change-log rows", e);
        }
    }

    private static void run(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            Log.error("a watch callback failed", e);
        }
    }
}
