package io.imagestreams.stream.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The transactional outbox: events written with the change they describe, relayed to Kafka in order. */
@ApplicationScoped
public class OutboxRepository {

    /** Key used with pg_try_advisory_xact_lock so that one relay at a time publishes (ordering across replicas). */
    static final long RELAY_LOCK = 0x696d6167657374L;

    public Uni<Void> append(SqlConnection connection, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(events.size());
        for (OutboxEvent e : events) {
            batch.add(Tuple.from(Arrays.asList(e.id(), e.topic(), e.key(), e.type(), e.subject(), e.payload(),
                    OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC))));
        }
        return connection.preparedQuery("insert into outbox_event (id, topic, event_key, type, subject, payload, created_at)"
                + " values ($1, $2, $3, $4, $5, $6::text::jsonb, $7)").executeBatch(batch).replaceWithVoid();
    }

    /** True when this transaction may relay: another replica's relay holds the lock otherwise. */
    public Uni<Boolean> tryRelayLock(SqlConnection connection) {
        return connection.preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The oldest unpublished events, in commit-sequence order. */
    public Uni<List<PendingEvent>> pending(SqlClient client, int limit) {
        return client.preparedQuery("select seq, id, topic, event_key, type, subject, payload::text, created_at from outbox_event"
                        + " where published_at is null order by seq limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new PendingEvent(row.getLong("seq"), new OutboxEvent(row.getUUID("id"), row.getString("topic"),
                                row.getString("event_key"), row.getString("type"), row.getString("subject"), row.getString(6),
                                row.getOffsetDateTime("created_at").toInstant())));
                    }
                    return events;
                });
    }

    public Uni<Void> markPublished(SqlClient client, List<Long> seqs) {
        return client.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Published events are kept a while for diagnosis, then removed. */
    public Uni<Integer> deletePublishedBefore(SqlClient client, OffsetDateTime cutoff) {
        return client.preparedQuery("delete from outbox_event where published_at < $1").execute(Tuple.of(cutoff))
                .map(rows -> rows.rowCount());
    }

    public Uni<Long> countPending(SqlClient client) {
        return client.query("select count(*) from outbox_event where published_at is null").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** An event as written by a change. */
    public record OutboxEvent(UUID id, String topic, String key, String type, String subject, String payload, java.time.Instant time) {
    }

    /** An unpublished event and its position in the outbox. */
    public record PendingEvent(long seq, OutboxEvent event) {
    }
}
