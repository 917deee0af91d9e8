package io.imagestreams.prune.repository;

import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.SpecTag;
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

/** The projection tables: applied events, spec tags, tag history (seq grows towards the newest entry) and images. */
@ApplicationScoped
public class ProjectionRepository {

    /** Records an event as applied; false when it already was. */
    public Uni<Boolean> markApplied(SqlClient client, String eventId) {
        return client.preparedQuery("insert into projection_event (event_id) values ($1) on conflict do nothing")
                .execute(Tuple.of(eventId)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> replaceSpecTags(SqlClient client, String namespace, String stream, List<SpecTag> tags) {
        Uni<Void> deleted = client.preparedQuery("delete from spec_tag where namespace = $1 and stream = $2")
                .execute(Tuple.of(namespace, stream)).replaceWithVoid();
        if (tags == null || tags.isEmpty()) {
            return deleted;
        }
        List<Tuple> batch = new ArrayList<>();
        for (SpecTag tag : tags) {
            batch.add(Tuple.from(Arrays.asList(namespace, stream, tag.name(), tag.from() == null ? null : tag.from().kind(),
                    tag.from() == null ? null : tag.from().namespace(), tag.from() == null ? null : tag.from().name())));
        }
        return deleted.flatMap(ignored -> client.preparedQuery("insert into spec_tag (namespace, stream, tag, from_kind, from_namespace, from_name)"
                + " values ($1, $2, $3, $4, $5, $6) on conflict do nothing").executeBatch(batch).replaceWithVoid());
    }

    public Uni<Void> deleteStream(SqlClient client, String namespace, String stream) {
        return client.preparedQuery("delete from spec_tag where namespace = $1 and stream = $2").execute(Tuple.of(namespace, stream))
                .flatMap(ignored -> client.preparedQuery("delete from history_entry where namespace = $1 and stream = $2")
                        .execute(Tuple.of(namespace, stream)))
                .replaceWithVoid();
    }

    public Uni<Void> deleteTag(SqlClient client, String namespace, String stream, String tag) {
        return client.preparedQuery("delete from history_entry where namespace = $1 and stream = $2 and tag = $3")
                .execute(Tuple.of(namespace, stream, tag))
                .flatMap(ignored -> client.preparedQuery("delete from spec_tag where namespace = $1 and stream = $2 and tag = $3")
                        .execute(Tuple.of(namespace, stream, tag)))
                .replaceWithVoid();
    }

    /** A tag's history, newest first. */
    public Uni<List<StoredEntry>> history(SqlClient client, String namespace, String stream, String tag) {
        return client.preparedQuery("select seq, image, docker_image_reference, pull_spec, created, generation from history_entry"
                        + " where namespace = $1 and stream = $2 and tag = $3 order by seq desc")
                .execute(Tuple.of(namespace, stream, tag))
                .map(rows -> {
                    List<StoredEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        OffsetDateTime created = row.getOffsetDateTime("created");
                        entries.add(new StoredEntry(row.getLong("seq"), row.getString("image"), row.getString("docker_image_reference"),
                                row.getString("pull_spec"), created == null ? null : created.toInstant(), row.getLong("generation")));
                    }
                    return entries;
                });
    }

    public Uni<Void> insertEntry(SqlClient client, String namespace, String stream, String tag, StoredEntry entry) {
        return client.preparedQuery("insert into history_entry (namespace, stream, tag, seq, image, docker_image_reference, pull_spec,"
                        + " created, generation) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(tuple(namespace, stream, tag, entry)).replaceWithVoid();
    }

    public Uni<Void> updateEntry(SqlClient client, String namespace, String stream, String tag, StoredEntry entry) {
        return client.preparedQuery("update history_entry set image = $5, docker_image_reference = $6, pull_spec = $7, created = $8,"
                        + " generation = $9 where namespace = $1 and stream = $2 and tag = $3 and seq = $4")
                .execute(tuple(namespace, stream, tag, entry)).replaceWithVoid();
    }

    public Uni<Void> deleteEntries(SqlClient client, String namespace, String stream, String tag, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("delete from history_entry where namespace = $1 and stream = $2 and tag = $3 and seq = any($4)")
                .execute(Tuple.of(namespace, stream, tag, seqs.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Replaces a tag's history with {@code newestFirst}. */
    public Uni<Void> replaceHistory(SqlClient client, String namespace, String stream, String tag, List<StoredEntry> newestFirst) {
        Uni<Void> deleted = client.preparedQuery("delete from history_entry where namespace = $1 and stream = $2 and tag = $3")
                .execute(Tuple.of(namespace, stream, tag)).replaceWithVoid();
        if (newestFirst.isEmpty()) {
            return deleted;
        }
        List<Tuple> batch = new ArrayList<>();
        int n = newestFirst.size();
        for (int i = 0; i < n; i++) {
            batch.add(tuple(namespace, stream, tag, newestFirst.get(i).withSeq(n - i)));
        }
        return deleted.flatMap(ignored -> client.preparedQuery("insert into history_entry (namespace, stream, tag, seq, image,"
                + " docker_image_reference, pull_spec, created, generation) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(batch).replaceWithVoid());
    }

    /**
     * Records what an event says about an image; facts already known are kept when the event lacks them. Its age
     * counts from the earliest history entry naming it (else from the event).
     */
    public Uni<Void> upsertImage(SqlClient client, ImageRef image, Instant seen) {
        if (image == null || image.digest() == null) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("insert into image (digest, size, manifests, docker_image_reference, first_seen)"
                        + " values ($1, $2, $3, $4, $5) on conflict (digest) do update set"
                        + " size = coalesce(excluded.size, image.size), manifests = coalesce(excluded.manifests, image.manifests),"
                        + " docker_image_reference = coalesce(image.docker_image_reference, excluded.docker_image_reference),"
                        + " first_seen = least(image.first_seen, excluded.first_seen)")
                .execute(Tuple.from(Arrays.asList(image.digest(), image.size(),
                        image.manifests() == null ? null : image.manifests().toArray(String[]::new), image.dockerImageReference(),
                        utc(image.created() != null ? image.created() : seen))))
                .replaceWithVoid();
    }

    /** Images named by history entries (from full histories or restores) are known even without their facts. */
    public Uni<Void> rememberImages(SqlClient client, List<HistoryEntry> entries, Instant seen) {
        List<Tuple> batch = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            if (entry.image() != null) {
                batch.add(Tuple.of(entry.image(), entry.dockerImageReference(), utc(entry.created() != null ? entry.created() : seen)));
            }
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("insert into image (digest, docker_image_reference, first_seen) values ($1, $2, $3)"
                + " on conflict (digest) do nothing").executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> deleteImage(SqlClient client, String digest) {
        return client.preparedQuery("delete from image where digest = $1").execute(Tuple.of(digest)).replaceWithVoid();
    }

    /** Empties the projection, for a rebuild from the beginning of the topic. */
    public Uni<Void> clear(SqlClient client) {
        return client.query("truncate projection_event, spec_tag, history_entry, image").execute().replaceWithVoid();
    }

    private static Tuple tuple(String namespace, String stream, String tag, StoredEntry entry) {
        return Tuple.from(Arrays.asList(namespace, stream, tag, entry.seq(), entry.image(), entry.dockerImageReference(), entry.pullSpec(),
                utc(entry.created()), entry.generation()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** One stored history entry. */
    public record StoredEntry(long seq, String image, String dockerImageReference, String pullSpec, Instant created, long generation) {

        public StoredEntry withSeq(long newSeq) {
            return new StoredEntry(newSeq, image, dockerImageReference, pullSpec, created, generation);
        }
    }
}
