package io.imagestreams.stream.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The watch change log: one row per object version, written in the transaction of the change. */
@ApplicationScoped
public class WatchEventRepository {

    public static final String IMAGE_STREAMS = "imagestreams";

    public Uni<Void> append(SqlClient client, String resource, String namespace, String name, String type, long resourceVersion,
            Object object) {
        return client.preparedQuery("insert into watch_event (resource_version, resource, namespace, name, type, object)"
                        + " values ($1, $2, $3, $4, $5, $6::text::jsonb)")
                .execute(Tuple.from(Arrays.asList(resourceVersion, resource, namespace, name, type, Json.write(object))))
                .replaceWithVoid();
    }

    /** Rows after {@code resourceVersion} (exclusive), oldest first. */
    public Uni<List<StoredWatchEvent>> after(SqlClient client, String resource, long resourceVersion, int limit) {
        return client.preparedQuery("select resource_version, namespace, name, type, object::text from watch_event"
                        + " where resource = $1 and resource_version > $2 order by resource_version limit $3")
                .execute(Tuple.of(resource, resourceVersion, limit))
                .map(rows -> {
                    List<StoredWatchEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new StoredWatchEvent(row.getLong(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4)));
                    }
                    return events;
                });
    }

    public Uni<Integer> deleteBefore(SqlClient client, OffsetDateTime cutoff) {
        return client.preparedQuery("delete from watch_event where created_at < $1").execute(Tuple.of(cutoff))
                .map(rows -> rows.rowCount());
    }

    /** A stored watch event; {@code objectJson} is the object at that version. */
    public record StoredWatchEvent(long resourceVersion, String namespace, String name, String type, String objectJson) {
    }
}
