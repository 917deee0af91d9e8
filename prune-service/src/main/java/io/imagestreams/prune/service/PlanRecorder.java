package io.imagestreams.prune.service;

import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.prune.repository.CommandOutboxRepository;
import io.imagestreams.prune.repository.RunRepository;
import io.imagestreams.prune.repository.RunRepository.ItemRows;
import io.imagestreams.prune.repository.RunRepository.RunCommand;
import io.imagestreams.prune.repository.RunRepository.RunImage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes one run's plan while it reads the projection, and writes it as it goes, in the caller's transaction: the
 * history entries tag by tag (newest first) through a cursor, then, for runs over all namespaces, the images. The
 * projection is read on a second connection (its own transaction; every query reads as of its start, as it would in
 * the caller's transaction), so that the next batch is read and decided while the last one is written. What stays in
 * memory is at most two batches of rows, the digests kept entries name (to decide the images) and, for a confirmed
 * run, the removals of the tag being read — never the whole plan, so a million entries plan in a small heap.
 * A confirmed run's PruneRevisions (one per tag with removals) are written to the outbox with the plan.
 */
final class PlanRecorder {

    static final int BATCH = 5000;
    static final char HISTORY = 'H';
    static final char IMAGE = 'I';

    private static final String ENTRIES = "select namespace, stream, tag,"
            + " (row_number() over (partition by namespace, stream, tag order by seq desc) - 1)::int as position,"
            + " image, docker_image_reference, created, generation from history_entry";
    private static final String IMAGES = "select digest, size, manifests, docker_image_reference, first_seen from image order by digest";

    private final SqlConnection c;
    private final SqlConnection reader;
    private final RunRepository runs;
    private final CommandOutboxRepository outbox;
    private final UUID runId;
    private final Planner planner;
    private final boolean confirm;
    private final Optional<String> managedRegistry;
    private final Instant now;

    private final ItemRows items = new ItemRows();
    private final Set<String> keptImages = new HashSet<>();
    private final List<RunCommand> commandRows = new ArrayList<>();
    private final List<PruneRevisions> commands = new ArrayList<>();
    private final List<RunImage> removedImages = new ArrayList<>();
    private String openTag;
    private Planner.Entry openTagFirst;
    private List<HistoryEntry> openTagRemovals = new ArrayList<>();
    private int entryOrdinal;
    private int imageOrdinal;
    private long entries;
    private long entriesRemoved;
    private long images;
    private long imagesRemoved;
    private long manifests;
    private long bytesReclaimable;
    /** The write of the previous batch, still under way or done. */
    private Uni<Void> writing = Uni.createFrom().voidItem();

    PlanRecorder(SqlConnection c, SqlConnection reader, RunRepository runs, CommandOutboxRepository outbox, UUID runId, Planner planner,
            boolean confirm, Optional<String> managedRegistry, Instant now) {
        this.c = c;
        this.reader = reader;
        this.runs = runs;
        this.outbox = outbox;
        this.runId = runId;
        this.planner = planner;
        this.confirm = confirm;
        this.managedRegistry = managedRegistry;
        this.now = now;
    }

    /** Plans and records the entries of {@code namespace} (or all, then the images too); returns the planned counts. */
    Uni<JsonObject> record(Optional<String> namespace) {
        String sql = ENTRIES + (namespace.isPresent() ? " where namespace = $1" : "") + " order by namespace, stream, tag, seq desc";
        Uni<Void> history = read(sql, namespace.map(Tuple::of).orElse(Tuple.tuple()), this::entry, () -> flush(false))
                .flatMap(ignored -> flush(true));
        Uni<Void> all = namespace.isPresent() ? history : history.flatMap(ignored -> manifestListChildren()).flatMap(ignored -> read(
                IMAGES, Tuple.tuple(), this::image,
                () -> flush(true)));
        return all.map(ignored -> new JsonObject()
                .put("historyEntries", entriesRemoved)
                .put("historyEntriesKept", entries - entriesRemoved)
                .put("images", imagesRemoved)
                .put("imagesKept", images - imagesRemoved)
                .put("manifests", manifests)
                .put("bytesReclaimable", bytesReclaimable));
    }

    private void entry(Row row) {
        // columns by position (ENTRIES' order): a lookup by name per column and row is measurable over a million rows
        OffsetDateTime created = row.getOffsetDateTime(6);
        Planner.Entry entry = new Planner.Entry(row.getString(0), row.getString(1), row.getString(2), row.getInteger(3), row.getString(4),
                row.getString(5), created == null ? null : created.toInstant(), row.getLong(7));
        int reasons = planner.entryReasons(entry);
        entries++;
        items.add(entryOrdinal++, entry.namespace(), entry.stream(), entry.tag(), entry.position(), entry.image(), reasons);
        if (reasons != 0) {
            if (entry.image() != null) {
                keptImages.add(entry.image());
            }
            return;
        }
        entriesRemoved++;
        if (confirm) {
            String tag = entry.namespace() + "/" + entry.stream() + ":" + entry.tag();
            if (!tag.equals(openTag)) {
                closeTag();
                openTag = tag;
                openTagFirst = entry;
            }
            openTagRemovals.add(new HistoryEntry(entry.tag(), entry.position(), entry.image(), entry.dockerImageReference(), entry.created(),
                    entry.generation()));
        }
    }

    /** The removals of the tag read last become its PruneRevisions, whose entries are the precondition. */
    private void closeTag() {
        if (openTag == null || openTagRemovals.isEmpty()) {
            return;
        }
        Planner.Entry first = openTagFirst;
        commandRows.add(new RunCommand(first.namespace(), first.stream(), first.tag(), RunOutcomes.toJson(openTagRemovals)));
        commands.add(new PruneRevisions(runId.toString(), first.namespace(), first.stream(), first.tag(), openTagRemovals));
        openTag = null;
        openTagRemovals = new ArrayList<>();
    }

    /** Children of manifest lists that kept entries name are referenced too. */
    private Uni<Void> manifestListChildren() {
        return reader.query("select digest, manifests from image where cardinality(manifests) > 0").execute().invoke(rows -> {
            List<String> children = new ArrayList<>();
            for (Row row : rows) {
                if (keptImages.contains(row.getString("digest"))) {
                    children.addAll(List.of(row.getArrayOfStrings("manifests")));
                }
            }
            keptImages.addAll(children);
        }).replaceWithVoid();
    }

    private void image(Row row) {
        // columns by position (IMAGES' order)
        String[] children = row.getArrayOfStrings(2);
        Planner.ImageFact image = new Planner.ImageFact(row.getString(0), row.getLong(1), children == null ? List.of() : List.of(children),
                row.getString(3), row.getOffsetDateTime(4).toInstant());
        int reasons = planner.imageReasons(image, keptImages.contains(image.digest()));
        images++;
        items.addImage(imageOrdinal++, image.digest(), image.size(), reasons);
        if (reasons != 0) {
            return;
        }
        imagesRemoved++;
        bytesReclaimable += image.size() == null ? 0 : image.size();
        String repository = managedRegistry.flatMap(host -> RunService.repository(image.dockerImageReference(), host)).orElse(null);
        if (repository != null) {
            manifests++;
        }
        if (confirm) {
            // what a confirmed run will delete, with its outcome later; a dry run's plan items say it all
            removedImages.add(new RunImage(image.digest(), image.size(), repository));
        }
    }

    /** Writes what has been planned; {@code all}: also the tag still being read (its entries are complete). */
    private Uni<Void> flush(boolean all) {
        if (all) {
            closeTag();
        }
        ItemRows itemBatch = items.drain();
        List<RunCommand> commandBatch = List.copyOf(commandRows);
        List<PruneRevisions> outboxBatch = List.copyOf(commands);
        List<RunImage> imageBatch = List.copyOf(removedImages);
        commandRows.clear();
        commands.clear();
        removedImages.clear();
        return runs.insertItems(c, runId, itemBatch)
                .flatMap(ignored -> runs.insertCommands(c, runId, commandBatch))
                .flatMap(ignored -> outbox.insert(c, runId, outboxBatch, now))
                .flatMap(ignored -> runs.insertImages(c, runId, imageBatch));
    }

    /** Reads {@code sql} through a cursor, {@value #BATCH} rows at a time, flushing after each batch. */
    private Uni<Void> read(String sql, Tuple arguments, Consumer<Row> onRow, Supplier<Uni<Void>> flush) {
        return reader.prepare(sql).flatMap(statement -> {
            Cursor cursor = statement.cursor(arguments);
            return readBatches(cursor, onRow, flush).call(() -> cursor.close()).call(() -> statement.close());
        });
    }

    /**
     * Reads batch after batch as a repetition, not as a chain of nested Unis: a nested chain would keep every
     * batch's statements (and their parameter arrays) reachable until the last batch completes. The reader's next
     * batch is read while the writer stores the previous one: at most one write is outstanding, so at most two
     * batches are in memory, and nothing the rows decide is touched while a batch is being drained.
     */
    private Uni<Void> readBatches(Cursor cursor, Consumer<Row> onRow, Supplier<Uni<Void>> flush) {
        return Multi.createBy().repeating()
                .uni(() -> cursor.read(BATCH).flatMap(rows -> {
                    rows.forEach(onRow);
                    return writing.map(ignored -> {
                        writing = started(flush.get());
                        return cursor.hasMore();
                    });
                }))
                .whilst(more -> more)
                .collect().last()
                .flatMap(ignored -> writing);
    }

    /** Starts {@code write} now; the Uni returned completes (or fails) with it, however often it is subscribed. */
    private static Uni<Void> started(Uni<Void> write) {
        Uni<Void> memoized = write.memoize().indefinitely();
        memoized.subscribe().with(ignored -> { }, failure -> { });
        return memoized;
    }
}
