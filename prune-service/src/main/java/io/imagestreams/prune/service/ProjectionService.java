package io.imagestreams.prune.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.HistoryPruned;
import io.imagestreams.api.event.HistoryRestored;
import io.imagestreams.api.event.ImageDeleted;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.StreamUpdated;
import io.imagestreams.api.event.TagDeleted;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.prune.repository.ProjectionRepository;
import io.imagestreams.prune.repository.ProjectionRepository.StoredEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies stream-service's change log to the projection, one event per transaction, each at most once (by its
 * CloudEvents id). Events about prune runs also record the runs' outcomes in the same transaction.
 */
@ApplicationScoped
public class ProjectionService {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Pool pool;
    private final ProjectionRepository projection;
    private final RunOutcomes outcomes;

    public ProjectionService(Pool pool, ProjectionRepository projection, RunOutcomes outcomes) {
        this.pool = pool;
        this.projection = projection;
        this.outcomes = outcomes;
    }

    /** Reads an event's data as its type says; an unknown type is empty (the change log may carry more than we need). */
    public static Optional<EventPayload> parse(String type, String data) {
        Optional<Class<? extends EventPayload>> payloadClass = EventTypes.payloadClass(type);
        if (payloadClass.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(data, payloadClass.get()));
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }

    /** Applies one event; false when it was applied before. {@code time} is the event's time, used when it has none. */
    public Uni<Boolean> apply(String eventId, EventPayload event, Instant time) {
        return pool.withTransaction(c -> projection.markApplied(c, eventId).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return applyTo(c, event, time).replaceWith(true);
        }));
    }

    private Uni<Void> applyTo(SqlConnection c, EventPayload event, Instant time) {
        if (event instanceof StreamCreated e) {
            return projection.replaceSpecTags(c, e.namespace(), e.name(), e.tags());
        }
        if (event instanceof StreamUpdated e) {
            return projection.replaceSpecTags(c, e.namespace(), e.name(), e.tags());
        }
        if (event instanceof StreamDeleted e) {
            return projection.deleteStream(c, e.namespace(), e.name());
        }
        if (event instanceof TagDeleted e) {
            return projection.deleteTag(c, e.namespace(), e.stream(), e.tag());
        }
        if (event instanceof TagUpdated e) {
            return tagUpdated(c, e, time);
        }
        if (event instanceof HistoryPruned e) {
            return historyPruned(c, e).flatMap(ignored -> outcomes.historyPruned(c, e));
        }
        if (event instanceof HistoryRestored e) {
            return historyRestored(c, e, time).flatMap(ignored -> outcomes.historyRestored(c, e));
        }
        if (event instanceof ImageDeleted e) {
            return projection.deleteImage(c, e.digest()).flatMap(ignored -> outcomes.imageDeleted(c, e));
        }
        return Uni.createFrom().voidItem(); // import requests, prune commands: not part of the projection
    }

    private Uni<Void> tagUpdated(SqlConnection c, TagUpdated event, Instant time) {
        Uni<Void> images = projection.upsertImage(c, event.image(), time)
                .flatMap(ignored -> projection.upsertImage(c, event.previousImage(), time));
        if (event.history() != null) {
            List<StoredEntry> entries = new ArrayList<>();
            for (HistoryEntry entry : event.history()) {
                entries.add(new StoredEntry(0, entry.image(), entry.dockerImageReference(),
                        entry.position() == 0 && event.image() != null ? event.image().pullSpec() : null,
                        entry.created() == null ? time : entry.created(), entry.generation()));
            }
            return images.flatMap(ignored -> projection.rememberImages(c, event.history(), time))
                    .flatMap(ignored -> projection.replaceHistory(c, event.namespace(), event.stream(), event.tag(), entries));
        }
        ImageRef image = event.image();
        return images.flatMap(ignored -> projection.history(c, event.namespace(), event.stream(), event.tag())).flatMap(history -> {
            StoredEntry head = history.isEmpty() ? null : history.get(0);
            long seq = head == null ? 1 : TagUpdated.replacesInPlace(event.previousImage(), image) ? head.seq() : head.seq() + 1;
            StoredEntry next = new StoredEntry(seq, image.digest(), image.dockerImageReference(), image.pullSpec(),
                    image.created() == null ? time : image.created(), event.generation());
            return head != null && seq == head.seq()
                    ? projection.updateEntry(c, event.namespace(), event.stream(), event.tag(), next)
                    : projection.insertEntry(c, event.namespace(), event.stream(), event.tag(), next);
        });
    }

    /** Removes the entries at the positions the event reports (positions before the removal), when they still match. */
    private Uni<Void> historyPruned(SqlConnection c, HistoryPruned event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<HistoryEntry>> tag : byTag(event.entries()).entrySet()) {
            chain = chain.flatMap(ignored -> projection.history(c, event.namespace(), event.stream(), tag.getKey()).flatMap(history -> {
                List<Long> seqs = new ArrayList<>();
                for (HistoryEntry entry : tag.getValue()) {
                    if (entry.position() < history.size() && Objects.equals(history.get(entry.position()).image(), entry.image())) {
                        seqs.add(history.get(entry.position()).seq());
                    }
                }
                return projection.deleteEntries(c, event.namespace(), event.stream(), tag.getKey(), seqs);
            }));
        }
        return chain;
    }

    /** Puts restored entries at the positions the event reports (positions after the restore). */
    private Uni<Void> historyRestored(SqlConnection c, HistoryRestored event, Instant time) {
        Uni<Void> chain = projection.rememberImages(c, event.entries() == null ? List.of() : event.entries(), time);
        for (Map.Entry<String, List<HistoryEntry>> tag : byTag(event.entries()).entrySet()) {
            chain = chain.flatMap(ignored -> projection.history(c, event.namespace(), event.stream(), tag.getKey()).flatMap(history -> {
                List<StoredEntry> merged = new ArrayList<>(history);
                List<HistoryEntry> restored = new ArrayList<>(tag.getValue());
                restored.sort(Comparator.comparingInt(HistoryEntry::position));
                for (HistoryEntry entry : restored) {
                    merged.add(Math.min(entry.position(), merged.size()), new StoredEntry(0, entry.image(), entry.dockerImageReference(),
                            null, entry.created(), entry.generation()));
                }
                return projection.replaceHistory(c, event.namespace(), event.stream(), tag.getKey(), merged);
            }));
        }
        return chain;
    }

    private static Map<String, List<HistoryEntry>> byTag(List<HistoryEntry> entries) {
        Map<String, List<HistoryEntry>> byTag = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach(entry -> byTag.computeIfAbsent(entry.tag(), t -> new ArrayList<>()).add(entry));
        }
        return byTag;
    }

}
