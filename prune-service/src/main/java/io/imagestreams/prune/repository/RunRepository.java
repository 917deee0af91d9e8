package io.imagestreams.prune.repository;

import io.imagestreams.prune.service.Planner;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Prune runs, their commands and images, and the projection data a plan is made from. */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS = "id, namespace, keep_tag_revisions, keep_younger_than_seconds, ignore_invalid_references,"
            + " confirm, state, in_use_check, created_at, finished_at, undoable_until, undone_at, image_deletion, plan_millis, error,"
            + " counts, triggered_by, planning_started_at";

    public Uni<Void> insert(SqlClient client, StoredRun run) {
        return client.preparedQuery("insert into prune_run (id, namespace, keep_tag_revisions, keep_younger_than_seconds,"
                        + " ignore_invalid_references, confirm, state, in_use_check, created_at, triggered_by)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(Arrays.asList(run.id(), run.namespace(), run.keepTagRevisions(), run.keepYoungerThanSeconds(),
                        run.ignoreInvalidReferences(), run.confirm(), run.state(), run.inUseCheck(), utc(run.createdAt()), run.triggeredBy())))
                .replaceWithVoid();
    }

    /**
     * A queued run got its planning slot: marks when planning started. False when the run is no longer Planning
     * (the plan timeout failed it while it waited); then it must not be planned.
     */
    public Uni<Boolean> planningStarted(SqlClient client, UUID id, Instant at) {
        return client.preparedQuery("update prune_run set planning_started_at = $2 where id = $1 and state = 'Planning'")
                .execute(Tuple.of(id, utc(at))).map(rows -> rows.rowCount() == 1);
    }

    /** Stores the plan and what follows from it; false when the run is no longer Planning (failed meanwhile). */
    public Uni<Boolean> planned(SqlClient client, UUID id, String state, String inUseCheck, JsonObject plan, JsonObject counts, long planMillis,
            Instant finishedAt, Instant undoableUntil, String imageDeletion) {
        return client.preparedQuery("update prune_run set state = $2, in_use_check = $3, plan = $4, counts = $5, plan_millis = $6,"
                        + " finished_at = $7, undoable_until = $8, image_deletion = $9 where id = $1 and state = 'Planning'")
                .execute(Tuple.from(Arrays.asList(id, state, inUseCheck, plan, counts, planMillis, utc(finishedAt), utc(undoableUntil),
                        imageDeletion)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Marks when a confirmed run started waiting for its commands' outcomes. */
    public Uni<Void> applyingSince(SqlClient client, UUID id, Instant since) {
        return client.preparedQuery("update prune_run set applying_since = $2 where id = $1").execute(Tuple.of(id, utc(since)))
                .replaceWithVoid();
    }

    /** Runs still Applying that started waiting before {@code cutoff}. */
    public Uni<List<UUID>> applyingSince(SqlClient client, Instant cutoff) {
        return client.preparedQuery("select id from prune_run where state = 'Applying' and applying_since <= $1 order by created_at")
                .execute(Tuple.of(utc(cutoff)))
                .map(RunRepository::ids);
    }

    /** Planning → Failed for runs that started planning (or, never started, were created) before {@code cutoff}; returns their ids. */
    public Uni<List<UUID>> failPlanningBefore(SqlClient client, Instant cutoff, String error, Instant at) {
        return client.preparedQuery("update prune_run set state = 'Failed', error = $2, finished_at = $3"
                        + " where state = 'Planning' and coalesce(planning_started_at, created_at) <= $1 returning id")
                .execute(Tuple.of(utc(cutoff), error, utc(at)))
                .map(RunRepository::ids);
    }

    /**
     * Applying → Failed; returns whether this call changed the run (false when its outcomes came in meanwhile). What
     * the run removed so far can be undone until {@code undoableUntil}.
     */
    public Uni<Boolean> failIfApplying(SqlClient client, UUID id, String error, Instant at, Instant undoableUntil) {
        return client.preparedQuery("update prune_run set state = 'Failed', error = $2, finished_at = $3, undoable_until = $4"
                        + " where id = $1 and state = 'Applying'")
                .execute(Tuple.of(id, error, utc(at), utc(undoableUntil))).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> failed(SqlClient client, UUID id, String error, Instant at) {
        return client.preparedQuery("update prune_run set state = 'Failed', error = $2, finished_at = $3 where id = $1")
                .execute(Tuple.of(id, error, utc(at))).replaceWithVoid();
    }

    public Uni<Void> setImageDeletion(SqlClient client, UUID id, String imageDeletion) {
        return client.preparedQuery("update prune_run set image_deletion = $2 where id = $1").execute(Tuple.of(id, imageDeletion))
                .replaceWithVoid();
    }

    /** Applying → Succeeded once every command's outcome arrived; returns whether this call finished the run. */
    public Uni<Boolean> finishIfComplete(SqlClient client, UUID id, Instant now, java.time.Duration undoWindow) {
        return client.preparedQuery("update prune_run set state = 'Succeeded', finished_at = $2, undoable_until = $3,"
                        + " image_deletion = case when namespace is null then 'Waiting' else 'None' end"
                        + " where id = $1 and state = 'Applying' and not exists (select 1 from run_command where run_id = $1 and not applied)")
                .execute(Tuple.of(id, utc(now), utc(now.plus(undoWindow))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> undone(SqlClient client, UUID id, Instant now) {
        return client.preparedQuery("update prune_run set state = 'Undone', undone_at = $2,"
                        + " image_deletion = case when image_deletion = 'Waiting' then 'Skipped' else image_deletion end"
                        + " where id = $1 and state in ('Succeeded', 'Failed') and confirm and undoable_until > $2")
                .execute(Tuple.of(id, utc(now))).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<StoredRun>> find(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from prune_run where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<StoredRun>empty() : Optional.of(toRun(rows.iterator().next())));
    }

    public Uni<Optional<JsonObject>> plan(SqlClient client, UUID id) {
        return client.preparedQuery("select plan from prune_run where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<JsonObject>empty()
                        : Optional.ofNullable((JsonObject) rows.iterator().next().getJson("plan")));
    }

    public Uni<List<StoredRun>> list(SqlClient client, int limit) {
        return client.preparedQuery("select " + COLUMNS + " from prune_run order by created_at desc, id limit $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<StoredRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(toRun(row)));
                    return runs;
                });
    }

    /** Confirmed runs over all namespaces whose undo window has closed and whose images are still to be deleted. */
    public Uni<List<UUID>> dueImageDeletions(SqlClient client, Instant now) {
        return client.preparedQuery("select id from prune_run where state = 'Succeeded' and image_deletion = 'Waiting'"
                        + " and undoable_until <= $1 order by created_at").execute(Tuple.of(utc(now)))
                .map(RunRepository::ids);
    }

    /**
     * Up to {@code limit} runs to delete: finished before {@code cutoff}, with no undo window open at {@code now}, no
     * image deletion waiting, no registry clean-up or command still to do, and not the latest run of a schedule
     * (it says when that schedule last ran).
     */
    public Uni<List<UUID>> expired(SqlClient client, Instant cutoff, Instant now, int limit) {
        return client.preparedQuery("select r.id from prune_run r where r.state in ('Succeeded', 'Failed', 'Undone')"
                        + " and coalesce(r.undone_at, r.finished_at) <= $1"
                        + " and (r.undoable_until is null or r.undoable_until <= $2 or r.state = 'Undone')"
                        + " and r.image_deletion <> 'Waiting'"
                        + " and not exists (select 1 from run_image i where i.run_id = r.id and i.deleted and i.repository is not null"
                        + "   and i.registry_status is null)"
                        + " and not exists (select 1 from command_outbox o where o.run_id = r.id and o.sent_at is null and not o.cancelled)"
                        + " and not (r.triggered_by = 'schedule' and r.created_at = (select max(s.created_at) from prune_run s"
                        + "   where s.triggered_by = 'schedule' and s.namespace is not distinct from r.namespace))"
                        + " order by r.finished_at limit $3")
                .execute(Tuple.of(utc(cutoff), utc(now), limit))
                .map(RunRepository::ids);
    }

    /** Deletes up to {@code limit} plan items of a run; returns how many went (fewer than {@code limit}: none are left). */
    public Uni<Integer> deleteItems(SqlClient client, UUID runId, int limit) {
        return client.preparedQuery("delete from run_item where ctid = any(array(select ctid from run_item where run_id = $1 limit $2))")
                .execute(Tuple.of(runId, limit)).map(rows -> rows.rowCount());
    }

    /** Deletes a run with its commands, images and outbox rows (its items must be gone already). */
    public Uni<Boolean> delete(SqlClient client, UUID runId) {
        return client.preparedQuery("delete from prune_run where id = $1").execute(Tuple.of(runId)).map(rows -> rows.rowCount() == 1);
    }

    /** When the last run a schedule started for {@code namespace} ({@code null} = all namespaces) was created. */
    public Uni<Optional<Instant>> lastScheduledRun(SqlClient client, String namespace) {
        return client.preparedQuery("select max(created_at) from prune_run where triggered_by = 'schedule'"
                        + " and namespace is not distinct from $1").execute(Tuple.of(namespace))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0)).map(OffsetDateTime::toInstant));
    }

    public Uni<Void> insertCommands(SqlClient client, UUID runId, List<RunCommand> commands) {
        if (commands.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = commands.size();
        String[] namespaces = new String[size];
        String[] streams = new String[size];
        String[] tags = new String[size];
        String[] planned = new String[size];
        for (int i = 0; i < size; i++) {
            RunCommand command = commands.get(i);
            namespaces[i] = command.namespace();
            streams[i] = command.stream();
            tags[i] = command.tag();
            planned[i] = command.planned().encode();
        }
        // one statement per batch: unnest() writes thousands of rows far faster than a row per statement
        return client.preparedQuery("insert into run_command (run_id, namespace, stream, tag, planned)"
                        + " select $1::uuid, n, s, t, p::jsonb from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(n, s, t, p)")
                .execute(Tuple.of(runId, namespaces, streams, tags, planned)).replaceWithVoid();
    }

    /** Writes a batch of plan items. */
    public Uni<Void> insertItems(SqlClient client, UUID runId, ItemRows rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> history = rows.history.isEmpty() ? Uni.createFrom().voidItem()
                : client.preparedQuery("insert into run_item (run_id, kind, ordinal, namespace, stream, tag, position, image, keep, reasons)"
                        + " select $1::uuid, 'H', o, n, s, t, p, i, r <> 0, r from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[],"
                        + " $7::text[], $8::int2[]) as u(o, n, s, t, p, i, r)")
                        .execute(Tuple.from(Arrays.asList(runId, rows.history.ordinals(), rows.history.namespaces(), rows.history.streams(),
                                rows.history.tags(), rows.history.positions(), rows.history.images(), rows.history.reasons())))
                        .replaceWithVoid();
        return history.flatMap(ignored -> rows.images.isEmpty() ? Uni.createFrom().voidItem()
                : client.preparedQuery("insert into run_item (run_id, kind, ordinal, image, size, keep, reasons)"
                        + " select $1::uuid, 'I', o, i, z, r <> 0, r from unnest($2::int[], $3::text[], $4::int8[], $5::int2[]) as u(o, i, z, r)")
                        .execute(Tuple.from(Arrays.asList(runId, rows.images.ordinals(), rows.images.images(), rows.images.sizes(),
                                rows.images.reasons())))
                        .replaceWithVoid());
    }

    /**
     * A page of a run's plan items of one kind ({@code H} history entries, {@code I} images) in plan order, after
     * ordinal {@code after}, optionally only kept or removed ones; {@code limit + 1} are read to tell whether more follow.
     */
    public Uni<List<Row>> items(SqlClient client, UUID runId, char kind, Boolean keep, int after, int limit) {
        return client.preparedQuery("select ordinal, namespace, stream, tag, position, image, size, keep, reasons from run_item"
                        + " where run_id = $1 and kind = $2 and ordinal > $3 and ($4::boolean is null or keep = $4)"
                        + " order by ordinal limit $5")
                .execute(Tuple.from(Arrays.asList(runId, String.valueOf(kind), after, keep, limit + 1)))
                .map(rows -> {
                    List<Row> list = new ArrayList<>(rows.size());
                    rows.forEach(list::add);
                    return list;
                });
    }

    public Uni<List<RunCommand>> commands(SqlClient client, UUID runId) {
        return client.preparedQuery("select namespace, stream, tag, planned, applied, removed, restored from run_command where run_id = $1"
                        + " order by namespace, stream, tag").execute(Tuple.of(runId))
                .map(rows -> {
                    List<RunCommand> commands = new ArrayList<>();
                    rows.forEach(row -> commands.add(new RunCommand(row.getString("namespace"), row.getString("stream"), row.getString("tag"),
                            (JsonArray) row.getJson("planned"), row.getBoolean("applied"), (JsonArray) row.getJson("removed"),
                            (JsonArray) row.getJson("restored"))));
                    return commands;
                });
    }

    /** Records a HistoryPruned: the command of that tag (or, when nothing was removed, any open one of the stream). */
    public Uni<Void> commandApplied(SqlClient client, UUID runId, String namespace, String stream, String tag, JsonArray removed) {
        String sql = tag != null
                ? "update run_command set applied = true, removed = $5 where run_id = $1 and namespace = $2 and stream = $3 and tag = $4"
                        + " and not applied"
                : "update run_command set applied = true, removed = $5 where (run_id, namespace, stream, tag) = (select run_id, namespace,"
                        + " stream, tag from run_command where run_id = $1 and namespace = $2 and stream = $3 and not applied"
                        + " and ($4::text is null) order by tag limit 1)";
        return client.preparedQuery(sql).execute(Tuple.from(Arrays.asList(runId, namespace, stream, tag, removed))).replaceWithVoid();
    }

    /** Records a HistoryRestored: what came back, per tag of the stream (an empty list for tags skipped). */
    public Uni<Void> commandsRestored(SqlClient client, UUID runId, String namespace, String stream, java.util.Map<String, JsonArray> byTag) {
        return client.preparedQuery("select tag from run_command where run_id = $1 and namespace = $2 and stream = $3 and restored is null")
                .execute(Tuple.of(runId, namespace, stream))
                .flatMap(rows -> {
                    List<Tuple> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(Tuple.of(runId, namespace, stream, row.getString("tag"),
                            byTag.getOrDefault(row.getString("tag"), new JsonArray()))));
                    if (batch.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return client.preparedQuery("update run_command set restored = $5 where run_id = $1 and namespace = $2 and stream = $3"
                            + " and tag = $4").executeBatch(batch).replaceWithVoid();
                });
    }

    public Uni<Void> insertImages(SqlClient client, UUID runId, List<RunImage> images) {
        if (images.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = images.size();
        String[] digests = new String[size];
        Long[] sizes = new Long[size];
        String[] repositories = new String[size];
        for (int i = 0; i < size; i++) {
            digests[i] = images.get(i).digest();
            sizes[i] = images.get(i).size();
            repositories[i] = images.get(i).repository();
        }
        return client.preparedQuery("insert into run_image (run_id, digest, size, repository)"
                        + " select $1::uuid, d, z, r from unnest($2::text[], $3::int8[], $4::text[]) as u(d, z, r)")
                .execute(Tuple.from(Arrays.asList(runId, digests, sizes, repositories))).replaceWithVoid();
    }

    /** Up to {@code limit} digests of a run's images after {@code after} ({@code ""}: from the first), in digest order. */
    public Uni<List<String>> imageDigests(SqlClient client, UUID runId, String after, int limit) {
        return client.preparedQuery("select digest from run_image where run_id = $1 and digest > $2 order by digest limit $3")
                .execute(Tuple.of(runId, after, limit))
                .map(rows -> {
                    List<String> digests = new ArrayList<>();
                    rows.forEach(row -> digests.add(row.getString(0)));
                    return digests;
                });
    }

    /** One image of a run. */
    public Uni<Optional<RunImage>> image(SqlClient client, UUID runId, String digest) {
        return client.preparedQuery("select run_id, digest, size, repository, deleted, registry_status, registry_error from run_image"
                + " where run_id = $1 and digest = $2").execute(Tuple.of(runId, digest))
                .map(rows -> toImages(rows).stream().findFirst());
    }

    /** At most {@code limit} images of a run for its view: those whose registry clean-up failed first. */
    public Uni<List<RunImage>> imagesForView(SqlClient client, UUID runId, int limit) {
        return client.preparedQuery("select run_id, digest, size, repository, deleted, registry_status, registry_error from run_image"
                + " where run_id = $1 order by registry_status = 'Failed' desc nulls last, digest limit $2").execute(Tuple.of(runId, limit))
                .map(RunRepository::toImages);
    }

    /** At most {@code limit} tags an undo could not restore in full (deleted since), for the run's view. */
    public Uni<List<RunCommand>> skippedByUndo(SqlClient client, UUID runId, int limit) {
        return client.preparedQuery("select namespace, stream, tag, planned, applied, removed, restored from run_command where run_id = $1"
                        + " and restored is not null and removed is not null and jsonb_array_length(restored) < jsonb_array_length(removed)"
                        + " order by namespace, stream, tag limit $2").execute(Tuple.of(runId, limit))
                .map(rows -> {
                    List<RunCommand> commands = new ArrayList<>();
                    rows.forEach(row -> commands.add(new RunCommand(row.getString("namespace"), row.getString("stream"), row.getString("tag"),
                            (JsonArray) row.getJson("planned"), row.getBoolean("applied"), (JsonArray) row.getJson("removed"),
                            (JsonArray) row.getJson("restored"))));
                    return commands;
                });
    }

    /** Deleted images of a run whose manifest is still to be deleted from the managed registry. */
    public Uni<List<RunImage>> pendingRegistryDeletes(SqlClient client, int limit) {
        return client.preparedQuery("select run_id, digest, size, repository, deleted, registry_status, registry_error from run_image"
                + " where deleted and repository is not null and registry_status is null limit $1").execute(Tuple.of(limit))
                .map(RunRepository::toImages);
    }

    public Uni<Boolean> imageDeleted(SqlClient client, UUID runId, String digest) {
        return client.preparedQuery("update run_image set deleted = true where run_id = $1 and digest = $2 and not deleted")
                .execute(Tuple.of(runId, digest)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> registryOutcome(SqlClient client, UUID runId, String digest, String status, String error) {
        return client.preparedQuery("update run_image set registry_status = $3, registry_error = $4 where run_id = $1 and digest = $2")
                .execute(Tuple.from(Arrays.asList(runId, digest, status, error))).replaceWithVoid();
    }

    /** The digests among {@code digests} that no history entry of the projection names any more. */
    public Uni<List<String>> unreferenced(SqlClient client, List<String> digests) {
        return client.preparedQuery("select d from unnest($1::text[]) d where not exists (select 1 from history_entry e where e.image = d)"
                        + " and not exists (select 1 from image i where d = any(i.manifests)"
                        + " and exists (select 1 from history_entry e where e.image = i.digest))")
                .execute(Tuple.of(digests.toArray(String[]::new)))
                .map(rows -> {
                    List<String> result = new ArrayList<>();
                    rows.forEach(row -> result.add(row.getString(0)));
                    return result;
                });
    }

    /** The digests spec tags pin (by digest or digest prefix). */
    public Uni<Set<String>> pins(SqlClient client) {
        return client.query("select from_kind, from_name from spec_tag where from_kind in ('ImageStreamImage', 'DockerImage')").execute()
                .map(rows -> {
                    Set<String> pins = new HashSet<>();
                    rows.forEach(row -> Planner.pinnedDigest(row.getString("from_kind"), row.getString("from_name")).ifPresent(pins::add));
                    return pins;
                });
    }

    /** What a run applied so far, from the commands' and images' outcomes. */
    public Uni<JsonObject> appliedCounts(SqlClient client, UUID runId) {
        return client.preparedQuery("select"
                        + " (select coalesce(sum(jsonb_array_length(removed)), 0) from run_command where run_id = $1)::bigint as removed,"
                        + " (select coalesce(sum(jsonb_array_length(restored)), 0) from run_command where run_id = $1)::bigint as restored,"
                        + " (select count(*) from run_command where run_id = $1 and applied)::bigint as commands_applied,"
                        + " (select count(*) from run_command where run_id = $1)::bigint as commands,"
                        + " (select count(*) from run_image where run_id = $1 and deleted)::bigint as images,"
                        + " (select coalesce(sum(size), 0) from run_image where run_id = $1 and deleted)::bigint as bytes,"
                        + " (select count(*) from run_image where run_id = $1 and registry_status = 'Deleted')::bigint as manifests")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new JsonObject()
                            .put("historyEntries", row.getLong("removed"))
                            .put("historyEntriesRestored", row.getLong("restored"))
                            .put("images", row.getLong("images"))
                            .put("manifests", row.getLong("manifests"))
                            .put("bytesReclaimed", row.getLong("bytes"))
                            .put("commands", row.getLong("commands"))
                            .put("commandsApplied", row.getLong("commands_applied"));
                });
    }

    /** The first column of every row, a run id. */
    private static List<UUID> ids(Iterable<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID(0)));
        return ids;
    }

    private static List<RunImage> toImages(Iterable<Row> rows) {
        List<RunImage> images = new ArrayList<>();
        rows.forEach(row -> images.add(new RunImage(row.getUUID("run_id"), row.getString("digest"), row.getLong("size"),
                row.getString("repository"), row.getBoolean("deleted"), row.getString("registry_status"), row.getString("registry_error"))));
        return images;
    }

    private static StoredRun toRun(Row row) {
        return new StoredRun(row.getUUID("id"), row.getString("namespace"), row.getInteger("keep_tag_revisions"),
                row.getLong("keep_younger_than_seconds"), row.getBoolean("ignore_invalid_references"), row.getBoolean("confirm"),
                row.getString("state"), row.getString("in_use_check"), instant(row, "created_at"), instant(row, "finished_at"),
                instant(row, "undoable_until"), instant(row, "undone_at"), row.getString("image_deletion"), row.getLong("plan_millis"),
                row.getString("error"), (JsonObject) row.getJson("counts"), row.getString("triggered_by"), instant(row, "planning_started_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A batch of plan items as columns, the way {@link #insertItems} writes them. */
    public static final class ItemRows {

        private HistoryColumns history = new HistoryColumns();
        private ImageColumns images = new ImageColumns();

        public void add(int ordinal, String namespace, String stream, String tag, int position, String image, int reasons) {
            history.add(ordinal, namespace, stream, tag, position, image, (short) reasons);
        }

        public void addImage(int ordinal, String digest, Long size, int reasons) {
            images.add(ordinal, digest, size, (short) reasons);
        }

        public int size() {
            return history.size() + images.size();
        }

        /** This batch; the rows start empty again. */
        public ItemRows drain() {
            ItemRows batch = new ItemRows();
            batch.history = history;
            batch.images = images;
            history = new HistoryColumns();
            images = new ImageColumns();
            return batch;
        }
    }

    /** Columns filled in place, grown by doubling: no list of boxed values copied into arrays again per batch. */
    private static final class HistoryColumns {
        private int size;
        private Integer[] ordinals = new Integer[16];
        private String[] namespaces = new String[16];
        private String[] streams = new String[16];
        private String[] tags = new String[16];
        private Integer[] positions = new Integer[16];
        private String[] images = new String[16];
        private Short[] reasons = new Short[16];

        void add(int ordinal, String namespace, String stream, String tag, int position, String image, short reason) {
            if (size == ordinals.length) {
                int capacity = size * 2;
                ordinals = Arrays.copyOf(ordinals, capacity);
                namespaces = Arrays.copyOf(namespaces, capacity);
                streams = Arrays.copyOf(streams, capacity);
                tags = Arrays.copyOf(tags, capacity);
                positions = Arrays.copyOf(positions, capacity);
                images = Arrays.copyOf(images, capacity);
                reasons = Arrays.copyOf(reasons, capacity);
            }
            ordinals[size] = ordinal;
            namespaces[size] = namespace;
            streams[size] = stream;
            tags[size] = tag;
            positions[size] = position;
            images[size] = image;
            reasons[size] = reason;
            size++;
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        Integer[] ordinals() {
            return Arrays.copyOf(ordinals, size);
        }

        String[] namespaces() {
            return Arrays.copyOf(namespaces, size);
        }

        String[] streams() {
            return Arrays.copyOf(streams, size);
        }

        String[] tags() {
            return Arrays.copyOf(tags, size);
        }

        Integer[] positions() {
            return Arrays.copyOf(positions, size);
        }

        String[] images() {
            return Arrays.copyOf(images, size);
        }

        Short[] reasons() {
            return Arrays.copyOf(reasons, size);
        }
    }

    /** Columns filled in place, as HistoryColumns. */
    private static final class ImageColumns {
        private int size;
        private Integer[] ordinals = new Integer[16];
        private String[] images = new String[16];
        private Long[] sizes = new Long[16];
        private Short[] reasons = new Short[16];

        void add(int ordinal, String digest, Long imageSize, short reason) {
            if (size == ordinals.length) {
                int capacity = size * 2;
                ordinals = Arrays.copyOf(ordinals, capacity);
                images = Arrays.copyOf(images, capacity);
                sizes = Arrays.copyOf(sizes, capacity);
                reasons = Arrays.copyOf(reasons, capacity);
            }
            ordinals[size] = ordinal;
            images[size] = digest;
            sizes[size] = imageSize;
            reasons[size] = reason;
            size++;
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        Integer[] ordinals() {
            return Arrays.copyOf(ordinals, size);
        }

        String[] images() {
            return Arrays.copyOf(images, size);
        }

        Long[] sizes() {
            return Arrays.copyOf(sizes, size);
        }

        Short[] reasons() {
            return Arrays.copyOf(reasons, size);
        }
    }

    /** A run's row. */
    public record StoredRun(UUID id, String namespace, int keepTagRevisions, long keepYoungerThanSeconds, boolean ignoreInvalidReferences,
            boolean confirm, String state, String inUseCheck, Instant createdAt, Instant finishedAt, Instant undoableUntil,
            Instant undoneAt, String imageDeletion, Long planMillis, String error, JsonObject counts, String triggeredBy,
            Instant planningStartedAt) {
    }

    /** One PruneRevisions command of a run and its outcome. */
    public record RunCommand(String namespace, String stream, String tag, JsonArray planned, boolean applied, JsonArray removed,
            JsonArray restored) {

        public RunCommand(String namespace, String stream, String tag, JsonArray planned) {
            this(namespace, stream, tag, planned, false, null, null);
        }
    }

    /** One image a run deletes. */
    public record RunImage(UUID runId, String digest, Long size, String repository, boolean deleted, String registryStatus,
            String registryError) {

        public RunImage(String digest, Long size, String repository) {
            this(null, digest, size, repository, false, null, null);
        }
    }
}
