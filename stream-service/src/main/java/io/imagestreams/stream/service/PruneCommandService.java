package io.imagestreams.stream.service;

import io.imagestreams.api.event.DeleteImages;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.HistoryPruned;
import io.imagestreams.api.event.HistoryRestored;
import io.imagestreams.api.event.ImageDeleted;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.api.event.RestoreRevisions;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.stream.messaging.StreamEvents;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.repository.OutboxRepository;
import io.imagestreams.stream.repository.PruneCommandRepository;
import io.imagestreams.stream.repository.StoredStream;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies prune-service's commands. Each command is applied at most once (re-deliveries change nothing) and
 * reports what it did as an event through the outbox, in the same transaction as the change:
 * <ul>
 * <li>PruneRevisions removes only the entries that still sit where the plan saw them (same position, image and
 * pull spec): a tag that moved since wins. A tag's current entry is never removed.</li>
 * <li>RestoreRevisions puts removed entries back at their old positions, below entries added since; entries of
 * a tag deleted since are skipped (the event lists only what was restored).</li>
 * <li>DeleteImages deletes the Image objects no tag history names any more.</li>
 * </ul>
 */
@ApplicationScoped
public class PruneCommandService {

    private final Pool pool;
    private final ImageStreamRepository streams;
    private final ImageRepository images;
    private final PruneCommandRepository commands;
    private final OutboxRepository outbox;
    private final ImageStreamService streamService;
    private final StreamRules rules;
    private final StreamEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    public PruneCommandService(Pool pool, ImageStreamRepository streams, ImageRepository images, PruneCommandRepository commands,
            OutboxRepository outbox, ImageStreamService streamService, StreamRules rules, StreamEvents events, OutboxRelay relay,
            Clock clock) {
        this.pool = pool;
        this.streams = streams;
        this.images = images;
        this.commands = commands;
        this.outbox = outbox;
        this.streamService = streamService;
        this.rules = rules;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Returns whether the command was applied now (false for a re-delivery). */
    public Uni<Boolean> apply(EventPayload command) {
        Uni<Boolean> applied;
        if (command instanceof PruneRevisions prune) {
            applied = pool.withTransaction(c -> prune(c, prune));
        } else if (command instanceof RestoreRevisions restore) {
            applied = pool.withTransaction(c -> restore(c, restore));
        } else if (command instanceof DeleteImages delete) {
            applied = pool.withTransaction(c -> deleteImages(c, delete));
        } else {
            throw new IllegalArgumentException("not a prune command: " + command.eventType());
        }
        return applied.invoke(done -> {
            if (done) {
                relay.wake();
            }
        });
    }

    private Uni<Boolean> prune(SqlConnection c, PruneRevisions command) {
        requireRun(command.runId());
        return streams.findForUpdate(c, command.namespace(), command.stream()).flatMap(found -> {
            Optional<ImageStream> next = found.map(stored -> ImageApiJson.deepCopy(rules.decorate(stored.stream())));
            List<HistoryEntry> removed = new ArrayList<>();
            Integer lengthAfter = null;
            Optional<NamedTagEventList> history = next.flatMap(stream -> stream.getStatus().findTag(command.tag()));
            if (history.isPresent() && history.get().getItems() != null) {
                List<TagEvent> items = new ArrayList<>(history.get().getItems());
                List<TagEvent> kept = new ArrayList<>(items.size());
                for (int position = 0; position < items.size(); position++) {
                    TagEvent item = items.get(position);
                    HistoryEntry planned = position == 0 ? null : plannedAt(command.entries(), position);
                    if (planned != null && Objects.equals(planned.image(), emptyToNull(item.getImage()))
                            && Objects.equals(planned.dockerImageReference(), item.getDockerImageReference())) {
                        removed.add(entry(command.tag(), position, item));
                    } else {
                        kept.add(item);
                    }
                }
                history.get().setItems(kept);
                lengthAfter = kept.size();
            }
            Integer length = lengthAfter;
            return commands.markApplied(c, command.runId(), PruneCommandRepository.PRUNE, command.namespace(), command.stream(),
                    command.tag(), length).flatMap(first -> {
                        if (!first) {
                            return Uni.createFrom().item(false);
                        }
                        HistoryPruned pruned = new HistoryPruned(command.runId(), command.namespace(), command.stream(), removed);
                        return store(c, found, next, removed.isEmpty(), pruned).replaceWith(true);
                    });
        });
    }

    private Uni<Boolean> restore(SqlConnection c, RestoreRevisions command) {
        requireRun(command.runId());
        return commands.markApplied(c, command.runId(), PruneCommandRepository.RESTORE, command.namespace(), command.stream(), "", null)
                .flatMap(first -> {
                    if (!first) {
                        return Uni.createFrom().item(false);
                    }
                    return streams.findForUpdate(c, command.namespace(), command.stream()).flatMap(found -> {
                        Optional<ImageStream> next = found.map(stored -> ImageApiJson.deepCopy(rules.decorate(stored.stream())));
                        Map<String, List<HistoryEntry>> byTag = new LinkedHashMap<>();
                        if (command.entries() != null) {
                            command.entries().forEach(entry -> byTag.computeIfAbsent(entry.tag(), t -> new ArrayList<>()).add(entry));
                        }
                        List<HistoryEntry> restored = new ArrayList<>();
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Map.Entry<String, List<HistoryEntry>> tagEntries : byTag.entrySet()) {
                            Optional<NamedTagEventList> history = next.flatMap(s -> s.getStatus().findTag(tagEntries.getKey()))
                                    .filter(list -> list.getItems() != null && !list.getItems().isEmpty());
                            if (history.isEmpty()) {
                                continue; // the tag was deleted since: nothing to put the entries back into
                            }
                            chain = chain.flatMap(ignored -> commands.historyLengthAfterPrune(c, command.runId(), command.namespace(),
                                    command.stream(), tagEntries.getKey()).invoke(lengthAfter ->
                                            restored.addAll(reinsert(history.get(), tagEntries.getValue(), lengthAfter))).replaceWithVoid());
                        }
                        return chain.flatMap(ignored -> {
                            HistoryRestored event = new HistoryRestored(command.runId(), command.namespace(), command.stream(), restored);
                            return store(c, found, next, restored.isEmpty(), event);
                        }).replaceWith(true);
                    });
                });
    }

    /**
     * Puts {@code entries} (with their positions before the prune) back into {@code history}: entries added on top
     * since the prune stay on top, the rest is merged back in its original order. Returns the entries restored,
     * with their new positions.
     */
    private static List<HistoryEntry> reinsert(NamedTagEventList history, List<HistoryEntry> entries, Optional<Integer> lengthAfterPrune) {
        List<TagEvent> current = history.getItems();
        int newer = Math.max(0, current.size() - lengthAfterPrune.orElse(current.size()));
        List<HistoryEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(HistoryEntry::position));
        List<TagEvent> older = current.subList(newer, current.size());
        List<TagEvent> merged = new ArrayList<>(current.subList(0, newer));
        List<HistoryEntry> restored = new ArrayList<>();
        int nextOlder = 0;
        int nextEntry = 0;
        for (int originalPosition = 0; nextOlder < older.size() || nextEntry < sorted.size(); originalPosition++) {
            if (nextEntry < sorted.size() && (sorted.get(nextEntry).position() <= originalPosition || nextOlder >= older.size())) {
                HistoryEntry entry = sorted.get(nextEntry++);
                restored.add(new HistoryEntry(entry.tag(), merged.size(), entry.image(), entry.dockerImageReference(), entry.created(),
                        entry.generation()));
                merged.add(TagEvent.of(entry.created(), entry.dockerImageReference(), entry.image() == null ? "" : entry.image(),
                        entry.generation()));
            } else {
                merged.add(older.get(nextOlder++));
            }
        }
        history.setItems(merged);
        return restored;
    }

    private Uni<Boolean> deleteImages(SqlConnection c, DeleteImages command) {
        requireRun(command.runId());
        List<String> digests = command.digests() == null ? List.of() : command.digests();
        return commands.markApplied(c, command.runId(), PruneCommandRepository.DELETE_IMAGES, "", "", "", null).flatMap(first -> {
            if (!first || digests.isEmpty()) {
                return Uni.createFrom().item(first);
            }
            return commands.referencedImages(c, digests).flatMap(referenced -> {
                List<EventPayload> deleted = new ArrayList<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (String digest : digests) {
                    if (referenced.contains(digest)) {
                        continue; // a tag took the image back since the plan: it stays
                    }
                    chain = chain.flatMap(ignored -> images.delete(c, digest).invoke(existed -> {
                        if (existed) {
                            deleted.add(new ImageDeleted(digest, command.runId()));
                        }
                    }).replaceWithVoid());
                }
                return chain.flatMap(ignored -> outbox.append(c, events.forPruneChange(deleted, "", "", now())));
            }).replaceWith(true);
        });
    }

    /** Writes the changed stream (if any) with {@code event} instead of the usual stream events. */
    private Uni<Void> store(SqlConnection c, Optional<StoredStream> found, Optional<ImageStream> next, boolean unchanged, EventPayload event) {
        List<EventPayload> payloads = List.of(event);
        if (found.isEmpty() || next.isEmpty() || unchanged) {
            // nothing changed, but the run still learns the outcome of its command
            return outbox.append(c, events.forPruneChange(payloads, namespaceOf(event), streamOf(event), now()));
        }
        return streamService.write(c, found.get(), next.get(),
                at -> Uni.createFrom().item(events.forPruneChange(payloads, namespaceOf(event), streamOf(event), at))).replaceWithVoid();
    }

    private static HistoryEntry plannedAt(List<HistoryEntry> entries, int position) {
        if (entries == null) {
            return null;
        }
        for (HistoryEntry entry : entries) {
            if (entry.position() == position) {
                return entry;
            }
        }
        return null;
    }

    private static HistoryEntry entry(String tag, int position, TagEvent item) {
        return new HistoryEntry(tag, position, emptyToNull(item.getImage()), item.getDockerImageReference(), item.getCreated(),
                item.getGeneration());
    }

    private static String namespaceOf(EventPayload event) {
        return event instanceof HistoryPruned p ? p.namespace() : ((HistoryRestored) event).namespace();
    }

    private static String streamOf(EventPayload event) {
        return event instanceof HistoryPruned p ? p.stream() : ((HistoryRestored) event).stream();
    }

    private static void requireRun(String runId) {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("a prune command needs its runId");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
