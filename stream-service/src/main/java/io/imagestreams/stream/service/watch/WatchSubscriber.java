package io.imagestreams.stream.service.watch;

import java.util.List;

/** One open watch, as the {@link WatchHub} sees it. */
public interface WatchSubscriber {

    /** Rows from one poll, oldest first. Called on the poller's thread: must queue and return, never block or throw. */
    void deliver(List<WatchRow> rows);

    /** The service is stopping: end the watch now, so shutdown does not wait for its timeout. */
    void shutdown();
}
