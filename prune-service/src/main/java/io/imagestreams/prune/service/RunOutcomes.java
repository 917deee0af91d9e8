package io.imagestreams.prune.service;

import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.HistoryPruned;
import io.imagestreams.api.event.HistoryRestored;
import io.imagestreams.api.event.ImageDeleted;
import io.imagestreams.prune.config.PruneServiceConfig;
import io.imagestreams.prune.repository.RunRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what stream-service did with a run's commands, from the change log: HistoryPruned completes a command
 * (a run succeeds once all have), HistoryRestored records what an undo brought back, ImageDeleted what went.
 * Each update only fills what is still open, so a replayed event (a projection rebuild) changes nothing.
 */
@ApplicationScoped
public class RunOutcomes {

    private final RunRepository runs;
    private final PruneMetrics metrics;
    private final PruneServiceConfig config;
    private final Clock clock;

    public RunOutcomes(RunRepository runs, PruneMetrics metrics, PruneServiceConfig config, Clock clock) {
        this.runs = runs;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> historyPruned(SqlConnection c, HistoryPruned event) {
        Optional<UUID> runId = runId(event.runId());
        if (runId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<HistoryEntry> entries = event.entries() == null ? List.of() : event.entries();
        String tag = entries.isEmpty() ? null : entries.get(0).tag();
        return runs.commandApplied(c, runId.get(), event.namespace(), event.stream(), tag, toJson(entries))
                .flatMap(ignored -> runs.finishIfComplete(c, runId.get(), clock.instant(), config.undo().window()))
                .invoke(finished -> {
                    metrics.entriesRemoved(entries.size());
                    if (finished) {
                        metrics.runFinished("Succeeded");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> historyRestored(SqlConnection c, HistoryRestored event) {
        Optional<UUID> runId = runId(event.runId());
        if (runId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, JsonArray> byTag = new HashMap<>();
        if (event.entries() != null) {
            event.entries().forEach(entry -> byTag.computeIfAbsent(entry.tag(), t -> new JsonArray()).add(entryJson(entry)));
        }
        return runs.commandsRestored(c, runId.get(), event.namespace(), event.stream(), byTag);
    }

    public Uni<Void> imageDeleted(SqlConnection c, ImageDeleted event) {
        Optional<UUID> runId = runId(event.runId());
        if (runId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return runs.imageDeleted(c, runId.get(), event.digest()).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return runs.image(c, runId.get(), event.digest())
                    .invoke(image -> image.ifPresent(i -> metrics.imageDeleted(i.size() == null ? 0 : i.size()))).replaceWithVoid();
        });
    }

    static JsonArray toJson(List<HistoryEntry> entries) {
        JsonArray array = new JsonArray();
        entries.forEach(entry -> array.add(entryJson(entry)));
        return array;
    }

    static io.vertx.core.json.JsonObject entryJson(HistoryEntry entry) {
        return new io.vertx.core.json.JsonObject(Json.write(entry));
    }

    private static Optional<UUID> runId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not one of this service's runs
        }
    }
}
