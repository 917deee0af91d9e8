package io.imagestreams.stream.service.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Watch settings under {@code stream-watch.*}. Kept apart from {@code imagestreams.*}, whose mapping rejects
 * keys it does not know; every value has a default, so nothing needs to be configured.
 */
@ConfigMapping(prefix = "stream-watch")
public interface WatchConfig {

    /** How often the shared poller reads the change log while at least one watch is open. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Most change-log rows one poll reads; a full page is followed by another poll at once. */
    @WithDefault("500")
    int pollBatchSize();

    /**
     * How long a transaction may hold a resourceVersion before it commits. Rows are re-read this far back, so a
     * change committed after a higher version was already delivered is still delivered.
     */
    @WithDefault("30s")
    Duration lookBack();

    /**
     * Events a watch may have queued but not yet written; a client that falls further behind is disconnected and
     * resumes from its last version. Never less than {@link #pollBatchSize()}.
     */
    @WithDefault("1000")
    int maxPendingEvents();

    /** How often a watch with {@code allowWatchBookmarks=true} gets a BOOKMARK event. */
    @WithDefault("1m")
    Duration bookmarkInterval();

    /**
     * A watch without {@code timeoutSeconds} ends after this to twice this (random), as the API server's
     * {@code --min-request-timeout} does, so clients reconnect spread out and load rebalances.
     */
    @WithDefault("30m")
    Duration minRequestTimeout();

    /** How long change-log rows are kept; a watch from an older resourceVersion gets 410 Expired. */
    @WithDefault("1h")
    Duration retention();

    /** How often rows older than the retention are deleted (read by the scheduler as a property expression). */
    @WithDefault("1m")
    Duration trimInterval();
}
