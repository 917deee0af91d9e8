package io.imagestreams.prune.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.api.json.ImageApiJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Prune commands waiting to be sent, and what became of them (table {@code command_outbox}). */
@ApplicationScoped
public class CommandOutboxRepository {

    /** The advisory lock one relay round holds, so replicas never send the same rows at once. */
    private static final long RELAY_LOCK = 0x70_72_75_6e_65_01L;
    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();

    /** Queues {@code commands} of run {@code runId}, in this order; part of the caller's transaction. */
    public Uni<Void> insert(SqlClient client, UUID runId, List<? extends EventPayload> commands, Instant now) {
        if (commands.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = commands.size();
        UUID[] ids = new UUID[size];
        String[] types = new String[size];
        String[] keys = new String[size];
        String[] tags = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            EventPayload command = commands.get(i);
            ids[i] = UUID.randomUUID();
            types[i] = command.eventType();
            keys[i] = command.partitionKey();
            tags[i] = command instanceof PruneRevisions prune ? prune.tag() : null;
            payloads[i] = write(command);
        }
        // with ordinality: seq follows the order of the list
        return client.preparedQuery("insert into command_outbox (id, run_id, type, key, tag, payload, created_at)"
                        + " select i, $1::uuid, y, k, t, p, $7 from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])"
                        + " with ordinality as u(i, y, k, t, p, n) order by n")
                .execute(Tuple.from(Arrays.asList(runId, ids, types, keys, tags, payloads, utc(now)))).replaceWithVoid();
    }

    /** Takes the relay lock for the caller's transaction; false when another relay holds it. */
    public Uni<Boolean> tryRelayLock(SqlClient client) {
        return client.preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The oldest commands still to be sent. */
    public Uni<List<PendingCommand>> pending(SqlClient client, int limit) {
        return client.preparedQuery("select seq, id, type, key, payload, created_at from command_outbox"
                        + " where sent_at is null and not cancelled order by seq limit $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingCommand> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new PendingCommand(row.getLong("seq"), row.getUUID("id"), row.getString("type"), row.getString("key"),
                                row.getString("payload"), row.getOffsetDateTime("created_at").toInstant()));
                    }
                    return pending;
                });
    }

    public Uni<Long> countPending(SqlClient client) {
        return client.query("select count(*) from command_outbox where sent_at is null and not cancelled").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> markSent(SqlClient client, long seq, Instant at) {
        return client.preparedQuery("update command_outbox set sent_at = $2, attempts = attempts + 1 where seq = $1")
                .execute(Tuple.of(seq, utc(at))).replaceWithVoid();
    }

    public Uni<Void> sendFailed(SqlClient client, long seq, String error) {
        return client.preparedQuery("update command_outbox set attempts = attempts + 1, last_error = $2 where seq = $1")
                .execute(Tuple.of(seq, error)).replaceWithVoid();
    }

    /** Cancels a run's commands not sent yet; returns how many. */
    public Uni<Integer> cancelUnsent(SqlClient client, UUID runId) {
        return client.preparedQuery("update command_outbox set cancelled = true where run_id = $1 and sent_at is null and not cancelled")
                .execute(Tuple.of(runId)).map(rows -> rows.rowCount());
    }

    /** A run's commands not sent yet, and the last send error among them. */
    public Uni<Unsent> unsent(SqlClient client, UUID runId) {
        return client.preparedQuery("select count(*) as unsent, (select last_error from command_outbox where run_id = $1"
                        + " and sent_at is null and not cancelled and last_error is not null order by seq limit 1) as last_error"
                        + " from command_outbox where run_id = $1 and sent_at is null and not cancelled")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Unsent(row.getLong("unsent"), row.getString("last_error"));
                });
    }

    /** The PruneRevisions of a run that no outcome answered yet, with whether and how each was sent. */
    public Uni<List<OpenCommand>> withoutOutcome(SqlClient client, UUID runId) {
        return client.preparedQuery("select c.namespace, c.stream, c.tag, o.sent_at, o.attempts, o.last_error from run_command c"
                        + " left join command_outbox o on o.run_id = c.run_id and o.type = $2 and o.key = c.namespace || '/' || c.stream"
                        + " and o.tag = c.tag"
                        + " where c.run_id = $1 and not c.applied order by c.namespace, c.stream, c.tag")
                .execute(Tuple.of(runId, EventTypes.PRUNE_REVISIONS))
                .map(rows -> {
                    List<OpenCommand> open = new ArrayList<>();
                    for (Row row : rows) {
                        OffsetDateTime sentAt = row.getOffsetDateTime("sent_at");
                        open.add(new OpenCommand(row.getString("namespace") + "/" + row.getString("stream") + ":" + row.getString("tag"),
                                sentAt != null, row.getInteger("attempts") == null ? 0 : row.getInteger("attempts"),
                                row.getString("last_error")));
                    }
                    return open;
                });
    }

    private static String write(EventPayload command) {
        try {
            return JSON.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command not writable: " + command.eventType(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A command to send: its CloudEvents id and type, Kafka key and JSON payload. */
    public record PendingCommand(long seq, UUID id, String type, String key, String payload, Instant createdAt) {
    }

    /** How many of a run's commands wait to be sent, and why the last try failed. */
    public record Unsent(long count, String lastError) {
    }

    /** A PruneRevisions without outcome: its tag, whether it was sent, how often it was tried and the last error. */
    public record OpenCommand(String tag, boolean sent, int attempts, String lastError) {
    }
}
