package io.imagestreams.prune.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** The projection's state row and its size. */
@ApplicationScoped
public class ProjectionStateRepository {

    public Uni<Void> started(SqlClient client, Instant now) {
        return client.preparedQuery("update projection_state set state = 'Rebuilding', started_at = $1, finished_at = null,"
                + " events_read = 0, events_total = 0, error = null where id = 1").execute(Tuple.of(utc(now))).replaceWithVoid();
    }

    public Uni<Void> progress(SqlClient client, long read, long total) {
        return client.preparedQuery("update projection_state set events_read = $1, events_total = $2 where id = 1")
                .execute(Tuple.of(read, total)).replaceWithVoid();
    }

    public Uni<Void> finished(SqlClient client, Instant now, long read, String error) {
        return client.preparedQuery("update projection_state set state = $1, finished_at = $2, events_read = $3, error = $4 where id = 1")
                .execute(Tuple.from(Arrays.asList(error == null ? "Live" : "Failed", utc(now), read, error))).replaceWithVoid();
    }

    public Uni<ProjectionState> read(SqlClient client) {
        return client.query("select state, started_at, finished_at, events_read, events_total, error,"
                        + " (select count(*) from history_entry) as entries, (select count(*) from image) as images,"
                        + " (select count(distinct (namespace, stream)) from history_entry) as streams,"
                        + " (select count(*) from projection_event) as events from projection_state where id = 1")
                .execute().map(rows -> {
                    Row row = rows.iterator().next();
                    return new ProjectionState(row.getString("state"), instant(row, "started_at"), instant(row, "finished_at"),
                            row.getLong("events_read"), row.getLong("events_total"), row.getString("error"), row.getLong("events"),
                            row.getLong("streams"), row.getLong("entries"), row.getLong("images"));
                });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** What {@code GET /api/v1/projection} shows. */
    public record ProjectionState(String state, Instant startedAt, Instant finishedAt, long eventsRead, long eventsTotal, String error,
            long eventsApplied, long streams, long historyEntries, long images) {
    }
}
