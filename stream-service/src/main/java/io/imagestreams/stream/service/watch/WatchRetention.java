package io.imagestreams.stream.service.watch;

import io.imagestreams.stream.repository.WatchEventRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Trims the change log to the retention. Every replica may run it: deleting what is already gone changes nothing.
 * A watch from a version trimmed away gets 410 Expired and lists again, as with the API server's watch cache.
 */
@ApplicationScoped
public class WatchRetention {

    private final Pool pool;
    private final WatchEventRepository events;
    private final WatchConfig config;
    private final Clock clock;

    public WatchRetention(Pool pool, WatchEventRepository events, WatchConfig config, Clock clock) {
        this.pool = pool;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "watch-event-retention", every = "${stream-watch.trim-interval:1m}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> trim() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        return events.deleteBefore(pool, cutoff)
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.debugf("trimmed %d change-log rows older than %s", deleted, cutoff);
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("trimming the change log failed, trying again next time: %s", failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
