package io.imagestreams.stream.service.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.stream.repository.WatchEventRepository;
import io.imagestreams.stream.repository.WatchEventRepository.StoredWatchEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the image stream change log ({@code watch_event}) for watches. Rows become {@link WatchRow}s here, once:
 * the stored JSON is read and written again so events carry the API's own wire form (jsonb reorders keys).
 */
@ApplicationScoped
public class WatchLog {

    private static final String RESOURCE = WatchEventRepository.IMAGE_STREAMS;

    private final Pool pool;
    private final WatchEventRepository events;
    private final ObjectMapper mapper;

    public WatchLog(Pool pool, WatchEventRepository events, ObjectMapper mapper) {
        this.pool = pool;
        this.events = events;
        this.mapper = mapper;
    }

    /**
     * The poller's starting point: the horizon is the highest version of a transaction that started more than
     * twice the look-back ago (so every lower version has been committed or abandoned), and every row above it is
     * taken as already seen, because a watch that subscribes now lists or catches up from the table itself.
     */
    Uni<LookBackWindow> openWindow(Duration lookBack) {
        return pool.preparedQuery("with settled as (select coalesce(max(resource_version), 0) as rv from watch_event"
                        + " where resource = $1 and created_at < now() - make_interval(secs => $2))"
                        + " select settled.rv, w.resource_version from settled"
                        + " left join watch_event w on w.resource = $1 and w.resource_version > settled.rv")
                .execute(Tuple.of(RESOURCE, lookBack.multipliedBy(2).toMillis() / 1000.0))
                .map(rows -> {
                    long horizon = 0;
                    List<Long> seen = new ArrayList<>();
                    for (Row row : rows) {
                        horizon = row.getLong(0);
                        Long rv = row.getLong(1);
                        if (rv != null) {
                            seen.add(rv);
                        }
                    }
                    return new LookBackWindow(lookBack.toNanos(), horizon, seen, System.nanoTime());
                });
    }

    /** Rows above {@code highest} or at one of the {@code gaps}, oldest first; both are primary-key lookups. */
    Uni<List<WatchRow>> poll(long highest, Long[] gaps, int limit) {
        return pool.preparedQuery("select resource_version, namespace, name, type, object::text from watch_event"
                        + " where resource = $1 and (resource_version > $2 or resource_version = any($3))"
                        + " order by resource_version limit $4")
                .execute(Tuple.of(RESOURCE, highest, gaps, limit))
                .map(rows -> {
                    List<WatchRow> result = new ArrayList<>();
                    for (Row row : rows) {
                        result.add(toRow(row.getLong(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                    }
                    return result;
                });
    }

    /** Rows after {@code resourceVersion}, oldest first: a resumed watch's catch-up. */
    public Uni<List<WatchRow>> after(long resourceVersion, int limit) {
        return events.after(pool, RESOURCE, resourceVersion, limit).map(stored -> {
            List<WatchRow> rows = new ArrayList<>(stored.size());
            for (StoredWatchEvent event : stored) {
                rows.add(toRow(event.resourceVersion(), event.namespace(), event.name(), event.type(), event.objectJson()));
            }
            return rows;
        });
    }

    /** The oldest version still kept and the current version, in one round trip. */
    public Uni<Retained> retained() {
        return pool.preparedQuery("select (select min(resource_version) from watch_event where resource = $1),"
                        + " (select last_value from resource_version_seq)")
                .execute(Tuple.of(RESOURCE))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Retained(Optional.ofNullable(row.getLong(0)), row.getLong(1));
                });
    }

    private WatchRow toRow(long resourceVersion, String namespace, String name, String type, String objectJson) {
        try {
            ImageStream stream = mapper.readValue(objectJson, ImageStream.class);
            return new WatchRow(resourceVersion, type, namespace, name, stream, mapper.writeValueAsString(stream));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change-log row " + resourceVersion + " does not hold an ImageStream", e);
        }
    }

    /**
     * What the change log can still replay.
     *
     * @param oldest  the oldest version kept, empty when the log is empty
     * @param current the latest version handed out
     */
    public record Retained(Optional<Long> oldest, long current) {

        /**
         * The API server's {@code too old resource version: N (M)} when changes after {@code requested} may have
         * been trimmed already, M being the newest version that can no longer be replayed.
         */
        public Optional<String> tooOld(long requested) {
            long lastGone = oldest.map(rv -> rv - 1).orElse(current);
            if (requested < lastGone) {
                return Optional.of("too old resource version: " + requested + " (" + lastGone + ")");
            }
            return Optional.empty();
        }
    }
}
