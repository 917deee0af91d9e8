package io.imagestreams.stream.rest.watch;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamList;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.service.watch.WatchRow;
import io.imagestreams.stream.service.watch.WatchSubscriber;
import io.imagestreams.stream.service.watch.WatchView;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One open watch. It subscribes to the hub first, then lists (or catches up from the change log), then writes
 * what the hub queued meanwhile and from then on; {@link WatchView} drops what the list already covered. All
 * state except the queue is confined to the connection's event loop; writes wait while the socket is full, and a
 * client that lets more than {@code maxPendingEvents} queue up is disconnected (it resumes from its last version).
 */
final class WatchSession implements WatchSubscriber {

    /** A year: {@code timeoutSeconds} beyond it is taken as "as long as possible" rather than overflowing. */
    private static final long MAX_TIMEOUT_SECONDS = 365L * 24 * 3600;

    private final Context context;
    private final EventSink sink;
    private final WatchRequest request;
    private final WatchDependencies deps;
    private final EventEncoder encoder;
    /** Never below one poll's rows, or a burst would drop clients that keep up. */
    private final int maxPending;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closed;
    /** Set on the poller's thread when the client fell too far behind; nothing more is queued. */
    private volatile boolean overflowed;

    // confined to the context
    private boolean opened;
    private boolean live;
    private WatchView view;
    private long startVersion;
    private long timeoutTimer = -1;
    private long bookmarkTimer = -1;

    WatchSession(Context context, EventSink sink, WatchRequest request, WatchDependencies deps) {
        this.context = context;
        this.sink = sink;
        this.request = request;
        this.deps = deps;
        this.maxPending = Math.max(deps.config().maxPendingEvents(), deps.config().pollBatchSize());
        this.encoder = request.table()
                .map(options -> EventEncoder.table(deps.mapper(), options, deps.clock()))
                .orElseGet(() -> EventEncoder.plain(deps.mapper()));
    }

    /** Called on the connection's event loop. */
    void start() {
        sink.onClose(this::close);
        timeoutTimer = deps.vertx().setTimer(timeoutMillis(), id -> close());
        deps.hub().subscribe(this).subscribe().with(ignored -> onContext(this::begin), this::failLater);
    }

    @Override
    public void deliver(List<WatchRow> rows) {
        if (closed || overflowed) {
            return;
        }
        List<WatchRow> inScope = rows.stream().filter(request.filter()::inScope).toList();
        if (inScope.isEmpty()) {
            return;
        }
        if (pending.addAndGet(inScope.size()) > maxPending) {
            overflowed = true;
            onContext(() -> {
                Log.debugf("dropping a watch whose client fell %d events behind", pending.get());
                stop(true);
            });
            return;
        }
        for (WatchRow row : inScope) {
            queue.add(() -> {
                pending.decrementAndGet();
                emit(row);
            });
        }
        scheduleDrain();
    }

    @Override
    public void shutdown() {
        onContext(this::close);
    }

    private void begin() {
        switch (request.start()) {
            case LIST -> deps.streams().list(request.listOptions()).subscribe()
                    .with(list -> onContext(() -> sendList(list)), this::failLater);
            case NOW -> deps.log().retained().subscribe()
                    .with(retained -> onContext(() -> startAt(retained.current())), this::failLater);
            case RESUME -> resume();
        }
    }

    private void sendList(ImageStreamList list) {
        startVersion = Long.parseLong(list.getMetadata().getResourceVersion());
        view = WatchView.listed(request.filter().labels(), list.getItems());
        open();
        writeAll(list.getItems().iterator(), item -> sink.write(WatchFrames.event(WatchRow.ADDED, encoder.encode(item))), () -> {
            if (request.marksInitialEventsEnd()) {
                sink.write(WatchFrames.bookmark(startVersion, true));
            }
            goLive();
        });
    }

    private void startAt(long version) {
        startVersion = version;
        view = WatchView.resumed(request.filter().labels());
        open();
        goLive();
    }

    /** Reads the first page before checking what is kept, so a trim in between is noticed. */
    private void resume() {
        long from = request.resourceVersion();
        deps.log().after(from, deps.config().pollBatchSize()).subscribe().with(first -> deps.log().retained().subscribe()
                .with(retained -> onContext(() -> {
                    startVersion = from;
                    view = WatchView.resumed(request.filter().labels());
                    open();
                    retained.tooOld(from).ifPresentOrElse(message -> {
                        sink.write(WatchFrames.error(deps.mapper(), Status.expired(message)));
                        close();
                    }, () -> catchUp(first));
                }), this::failLater), this::failLater);
    }

    private void catchUp(List<WatchRow> page) {
        List<WatchRow> inScope = page.stream().filter(request.filter()::inScope).toList();
        writeAll(inScope.iterator(), this::emit, () -> {
            if (page.size() < deps.config().pollBatchSize()) {
                goLive();
                return;
            }
            deps.log().after(page.get(page.size() - 1).resourceVersion(), deps.config().pollBatchSize()).subscribe()
                    .with(next -> onContext(() -> catchUp(next)), this::failLater);
        });
    }

    private void goLive() {
        live = true;
        // after the next poll, nothing the list or catch-up covered can still arrive from the hub
        WatchView current = view;
        deps.hub().afterNextPoll(() -> enqueue(current::settled));
        if (request.allowWatchBookmarks()) {
            bookmarkTimer = deps.vertx().setPeriodic(deps.config().bookmarkInterval().toMillis(), id -> {
                long version = Math.max(startVersion, deps.hub().settledResourceVersion());
                enqueue(() -> sink.write(WatchFrames.bookmark(version, false)));
            });
        }
        drain();
    }

    private void emit(WatchRow row) {
        view.decide(row).ifPresent(type -> sink.write(WatchFrames.event(type, encoder.encode(row))));
    }

    private void enqueue(Runnable item) {
        if (!closed) {
            queue.add(item);
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            onContext(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    private void drain() {
        if (closed || !live) {
            return;
        }
        Runnable next;
        while (!sink.writeQueueFull() && (next = queue.poll()) != null) {
            next.run();
            if (closed) {
                return;
            }
        }
        if (!queue.isEmpty()) {
            sink.onDrain(() -> onContext(this::drain));
        }
    }

    /** Writes items while the socket takes them, continuing when it drains; then runs {@code then}. */
    private <T> void writeAll(Iterator<T> items, Consumer<T> write, Runnable then) {
        while (items.hasNext()) {
            if (sink.writeQueueFull()) {
                sink.onDrain(() -> onContext(() -> writeAll(items, write, then)));
                return;
            }
            write.accept(items.next());
            if (closed) {
                return;
            }
        }
        then.run();
    }

    private void open() {
        if (!opened) {
            opened = true;
            sink.open();
        }
    }

    private void failLater(Throwable failure) {
        onContext(() -> fail(failure));
    }

    /** Before the stream started a failure is the response; after, the API server ends the watch with an ERROR event. */
    private void fail(Throwable failure) {
        Status status;
        if (failure instanceof StatusException e) {
            status = e.status();
        } else {
            Log.error("watch failed", failure);
            status = Status.internalError("the server could not handle the request");
        }
        if (opened) {
            sink.write(WatchFrames.error(deps.mapper(), status));
        } else {
            sink.reject(status.getCode(), WatchFrames.json(deps.mapper(), status));
        }
        close();
    }

    private void close() {
        stop(false);
    }

    /** Ends the watch; {@code abort} drops the connection instead of ending the response after what is buffered. */
    private void stop(boolean abort) {
        if (closed) {
            return;
        }
        closed = true;
        deps.hub().unsubscribe(this);
        deps.vertx().cancelTimer(timeoutTimer);
        if (bookmarkTimer >= 0) {
            deps.vertx().cancelTimer(bookmarkTimer);
        }
        queue.clear();
        if (abort) {
            sink.abort();
        } else {
            sink.end();
        }
    }

    /** Runs on the connection's event loop unless the watch has ended; a failure there ends the watch. */
    private void onContext(Runnable task) {
        context.runOnContext(ignored -> {
            if (closed) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    /** {@code timeoutSeconds}, else the API server's default: the minimum request timeout times 1 to 2. */
    private long timeoutMillis() {
        if (request.timeoutSeconds().isPresent()) {
            return Math.min(request.timeoutSeconds().getAsLong(), MAX_TIMEOUT_SECONDS) * 1000;
        }
        long minimum = deps.config().minRequestTimeout().toMillis();
        return minimum + ThreadLocalRandom.current().nextLong(minimum + 1);
    }
}
