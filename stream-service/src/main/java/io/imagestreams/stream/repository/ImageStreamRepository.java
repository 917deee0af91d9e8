package io.imagestreams.stream.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamSpec;
import io.imagestreams.api.image.ImageStreamStatus;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagEventCondition;
import io.imagestreams.api.meta.ObjectMeta;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Image streams in PostgreSQL: the stream row, one row per status tag and the tag history as rows.
 * Writes store only what changed: a new history entry is one insert, whatever the length of the history.
 */
@ApplicationScoped
public class ImageStreamRepository {

    private static final String COLUMNS =
            "id, namespace, name, uid, resource_version, generation, created_at, labels::text, annotations::text, spec::text";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<TagEventCondition>> CONDITIONS = new TypeReference<>() {
    };

    /** The next resourceVersion; every write of any object takes one. */
    public Uni<Long> nextResourceVersion(SqlClient client) {
        return client.query("select nextval('resource_version_seq')").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The current resourceVersion (for list metadata), without taking one. */
    public Uni<Long> currentResourceVersion(SqlClient client) {
        return client.query("select last_value from resource_version_seq").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<StoredStream>> find(SqlClient client, String namespace, String name) {
        return findRow(client, "select " + COLUMNS + " from image_stream where namespace = $1 and name = $2", namespace, name);
    }

    /** Loads and row-locks a stream for a read-modify-write in the caller's transaction. */
    public Uni<Optional<StoredStream>> findForUpdate(SqlConnection connection, String namespace, String name) {
        return findRow(connection, "select " + COLUMNS + " from image_stream where namespace = $1 and name = $2 for update",
                namespace, name);
    }

    private Uni<Optional<StoredStream>> findRow(SqlClient client, String sql, String namespace, String name) {
        return client.preparedQuery(sql).execute(Tuple.of(namespace, name))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<StoredStream>empty());
                    }
                    return withStatus(client, List.of(rows.iterator().next())).map(list -> Optional.of(list.get(0)));
                });
    }

    /**
     * A page of streams ordered by namespace and name, starting after {@code after} (exclusive), filtered by an
     * SQL condition on the stream row (built from label and field selectors by the caller).
     */
    public Uni<List<StoredStream>> list(SqlClient client, StreamQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from image_stream where true");
        query.namespace().ifPresent(ns -> {
            params.add(ns);
            sql.append(" and namespace = $").append(params.size());
        });
        query.after().ifPresent(key -> {
            params.add(key.namespace());
            params.add(key.name());
            sql.append(" and (namespace, name) > ($").append(params.size() - 1).append(", $").append(params.size()).append(")");
        });
        query.condition().ifPresent(condition -> sql.append(" and ").append(condition.render(params)));
        sql.append(" order by namespace, name");
        query.limit().ifPresent(limit -> sql.append(" limit ").append(limit));
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .flatMap(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return withStatus(client, list);
                });
    }

    private Uni<List<StoredStream>> withStatus(SqlClient client, List<Row> streamRows) {
        if (streamRows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] ids = streamRows.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
        // one statement, so tag statuses and their events come from one snapshot even while a write commits
        return client.preparedQuery(
                "select s.stream_id, s.tag, s.conditions::text as conditions, e.seq, e.created, e.docker_image_reference,"
                        + " e.image, e.generation from tag_status s left join tag_event e"
                        + " on e.stream_id = s.stream_id and e.tag = s.tag"
                        + " where s.stream_id = any($1) order by s.stream_id, s.tag, e.seq desc")
                .execute(Tuple.of(ids))
                .map(statusRows -> assemble(streamRows, statusRows));
    }

    private List<StoredStream> assemble(List<Row> streamRows, RowSet<Row> statusRows) {
        Map<Long, Map<String, NamedTagEventList>> statusByStream = new HashMap<>();
        Map<Long, Map<String, Long>> headSeqs = new HashMap<>();
        for (Row row : statusRows) {
            long streamId = row.getLong("stream_id");
            String tag = row.getString("tag");
            NamedTagEventList list = statusByStream.computeIfAbsent(streamId, id -> new TreeMap<>()).computeIfAbsent(tag, name -> {
                NamedTagEventList created = new NamedTagEventList();
                created.setTag(name);
                created.setItems(new ArrayList<>());
                List<TagEventCondition> conditions = Json.read(row.getString("conditions"), CONDITIONS);
                created.setConditions(conditions == null || conditions.isEmpty() ? null : conditions);
                return created;
            });
            Long seq = row.getLong("seq");
            if (seq == null) {
                continue;
            }
            if (list.getItems().isEmpty()) {
                headSeqs.computeIfAbsent(streamId, id -> new HashMap<>()).put(tag, seq);
            }
            list.getItems().add(TagEvent.of(row.getOffsetDateTime("created").toInstant(), row.getString("docker_image_reference"),
                    row.getString("image"), row.getLong("generation")));
        }
        List<StoredStream> result = new ArrayList<>(streamRows.size());
        for (Row row : streamRows) {
            long id = row.getLong("id");
            ImageStream stream = toStream(row);
            Map<String, NamedTagEventList> status = statusByStream.getOrDefault(id, Map.of());
            if (!status.isEmpty()) {
                stream.getStatus().setTags(new ArrayList<>(status.values()));
            }
            result.add(new StoredStream(id, stream, headSeqs.getOrDefault(id, Map.of())));
        }
        return result;
    }

    private ImageStream toStream(Row row) {
        ImageStream stream = ImageStream.of(row.getString("namespace"), row.getString("name"));
        ObjectMeta meta = stream.getMetadata();
        meta.setUid(row.getUUID("uid").toString());
        meta.setResourceVersion(Long.toString(row.getLong("resource_version")));
        meta.setGeneration(row.getLong("generation"));
        meta.setCreationTimestamp(row.getOffsetDateTime("created_at").toInstant());
        meta.setLabels(Json.read(row.getString(7), STRING_MAP));
        meta.setAnnotations(Json.read(row.getString(8), STRING_MAP));
        stream.setSpec(Json.read(row.getString(9), ImageStreamSpec.class));
        if (stream.getStatus() == null) {
            stream.setStatus(new ImageStreamStatus());
        }
        return stream;
    }

    /** Inserts a new stream and its status; empty when a stream of that name already exists. */
    public Uni<Optional<Long>> insert(SqlConnection connection, ImageStream stream) {
        ObjectMeta meta = stream.getMetadata();
        return connection.preparedQuery("insert into image_stream"
                        + " (namespace, name, uid, resource_version, generation, created_at, labels, annotations, spec)"
                        + " values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9::text::jsonb)"
                        + " on conflict (namespace, name) do nothing returning id")
                .execute(Tuple.from(Arrays.asList(meta.getNamespace(), meta.getName(), UUID.fromString(meta.getUid()),
                        Long.parseLong(meta.getResourceVersion()), meta.getGeneration(),
                        OffsetDateTime.ofInstant(meta.getCreationTimestamp(), ZoneOffset.UTC),
                        (Json.write(emptyToNull(meta.getLabels()))), (Json.write(emptyToNull(meta.getAnnotations()))),
                        Json.write(stream.getSpec()))))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Long>empty());
                    }
                    long id = rows.iterator().next().getLong("id");
                    return saveStatus(connection, new StoredStream(id, null, Map.of()), stream).replaceWith(Optional.of(id));
                });
    }

    /** Writes the stream row (metadata and spec) and the status changes relative to {@code stored}. */
    public Uni<Void> update(SqlConnection connection, StoredStream stored, ImageStream updated) {
        ObjectMeta meta = updated.getMetadata();
        return connection.preparedQuery("update image_stream set resource_version = $2, generation = $3, labels = $4::text::jsonb,"
                        + " annotations = $5::text::jsonb, spec = $6::text::jsonb where id = $1")
                .execute(Tuple.from(Arrays.asList(stored.id(), Long.parseLong(meta.getResourceVersion()), meta.getGeneration(),
                        (Json.write(emptyToNull(meta.getLabels()))), (Json.write(emptyToNull(meta.getAnnotations()))),
                        Json.write(updated.getSpec()))))
                .flatMap(ignored -> saveStatus(connection, stored, updated));
    }

    public Uni<Void> delete(SqlConnection connection, long id) {
        return connection.preparedQuery("delete from image_stream where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * Stores the difference between the stored status and the new one, tag by tag: history only ever grows at
     * its head or has its head rewritten in place (OpenShift's tagging rules), so those are single-row writes;
     * anything else (a restored or pruned history) rewrites that tag's rows.
     */
    private Uni<Void> saveStatus(SqlConnection connection, StoredStream stored, ImageStream updated) {
        Map<String, NamedTagEventList> before = byTag(stored.stream());
        Map<String, NamedTagEventList> after = byTag(updated);
        List<Uni<?>> writes = new ArrayList<>();
        for (String tag : before.keySet()) {
            if (!after.containsKey(tag)) {
                writes.add(connection.preparedQuery("delete from tag_status where stream_id = $1 and tag = $2")
                        .execute(Tuple.of(stored.id(), tag)));
            }
        }
        for (Map.Entry<String, NamedTagEventList> entry : after.entrySet()) {
            String tag = entry.getKey();
            NamedTagEventList next = entry.getValue();
            NamedTagEventList previous = before.get(tag);
            if (previous == null) {
                writes.add(connection.preparedQuery("insert into tag_status (stream_id, tag, conditions) values ($1, $2, $3::text::jsonb)")
                        .execute(Tuple.of(stored.id(), tag, (Json.write(emptyToNull(next.getConditions()))))));
                writes.add(insertEvents(connection, stored.id(), tag, items(next), 0));
                continue;
            }
            if (!Objects.equals(emptyToNull(previous.getConditions()), emptyToNull(next.getConditions()))) {
                writes.add(connection.preparedQuery("update tag_status set conditions = $3::text::jsonb where stream_id = $1 and tag = $2")
                        .execute(Tuple.of(stored.id(), tag, (Json.write(emptyToNull(next.getConditions()))))));
            }
            writes.add(saveHistory(connection, stored, tag, items(previous), items(next)));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<?> write : writes) {
            chain = chain.flatMap(ignored -> write.replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> saveHistory(SqlConnection connection, StoredStream stored, String tag, List<TagEvent> before, List<TagEvent> after) {
        if (before.equals(after)) {
            return Uni.createFrom().voidItem();
        }
        long head = stored.headSeqByTag().getOrDefault(tag, 0L);
        if (after.size() == before.size() + 1 && after.subList(1, after.size()).equals(before)) {
            return insertEvents(connection, stored.id(), tag, after.subList(0, 1), head);
        }
        if (!before.isEmpty() && after.size() == before.size() && after.subList(1, after.size()).equals(before.subList(1, before.size()))) {
            TagEvent event = after.get(0);
            return connection.preparedQuery("update tag_event set created = $4, docker_image_reference = $5, image = $6, generation = $7"
                            + " where stream_id = $1 and tag = $2 and seq = $3")
                    .execute(Tuple.from(Arrays.asList(stored.id(), tag, head, OffsetDateTime.ofInstant(event.getCreated(), ZoneOffset.UTC),
                            event.getDockerImageReference(), nullToEmpty(event.getImage()), event.getGeneration())))
                    .replaceWithVoid();
        }
        return connection.preparedQuery("delete from tag_event where stream_id = $1 and tag = $2").execute(Tuple.of(stored.id(), tag))
                .flatMap(ignored -> insertEvents(connection, stored.id(), tag, after, 0));
    }

    /** Inserts {@code newestFirst} above sequence number {@code base}: the first element gets the highest seq. */
    private Uni<Void> insertEvents(SqlConnection connection, long streamId, String tag, List<TagEvent> newestFirst, long base) {
        if (newestFirst.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(newestFirst.size());
        int n = newestFirst.size();
        for (int i = 0; i < n; i++) {
            TagEvent event = newestFirst.get(i);
            batch.add(Tuple.from(Arrays.asList(streamId, tag, base + n - i, OffsetDateTime.ofInstant(event.getCreated(), ZoneOffset.UTC),
                    event.getDockerImageReference(), nullToEmpty(event.getImage()), event.getGeneration())));
        }
        return connection.preparedQuery("insert into tag_event (stream_id, tag, seq, created, docker_image_reference, image, generation)"
                + " values ($1, $2, $3, $4, $5, $6, $7)").executeBatch(batch).replaceWithVoid();
    }

    private static Map<String, NamedTagEventList> byTag(ImageStream stream) {
        Map<String, NamedTagEventList> result = new LinkedHashMap<>();
        if (stream != null && stream.getStatus() != null && stream.getStatus().getTags() != null) {
            for (NamedTagEventList list : stream.getStatus().getTags()) {
                result.put(list.getTag(), list);
            }
        }
        return result;
    }

    private static List<TagEvent> items(NamedTagEventList list) {
        return list.getItems() == null ? List.of() : list.getItems();
    }

    private static <T> T emptyToNull(T value) {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return null;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        return value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
