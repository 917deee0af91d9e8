package io.imagestreams.prune.service;

import io.imagestreams.api.event.DeleteImages;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.RestoreRevisions;
import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.prune.client.KubernetesWorkloads;
import io.imagestreams.prune.config.PruneServiceConfig;
import io.imagestreams.prune.messaging.CommandRelay;
import io.imagestreams.prune.repository.CommandOutboxRepository;
import io.imagestreams.prune.repository.CommandOutboxRepository.OpenCommand;
import io.imagestreams.prune.repository.PolicyRepository.StoredPolicy;
import io.imagestreams.prune.repository.RunRepository;
import io.imagestreams.prune.repository.RunRepository.RunCommand;
import io.imagestreams.prune.repository.RunRepository.StoredRun;
import io.imagestreams.prune.rest.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prune runs: plan (always), then, when confirmed, one PruneRevisions per tag with removals, whose entries are the
 * precondition stream-service checks. A run succeeds when every command's outcome came back on the change log;
 * its images (runs over all namespaces) are deleted when its undo window has closed, and until then it can be
 * undone.
 */
@ApplicationScoped
public class RunService {

    public static final String PLANNING = "Planning";
    public static final String APPLYING = "Applying";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String UNDONE = "Undone";
    /** The most image outcomes and skipped tags a run's view lists, so it stays small for runs of any size. */
    static final int VIEW_LIMIT = 100;
    /** Digests per DeleteImages command, so that no command outgrows a Kafka record and no run is read whole. */
    static final int DELETE_IMAGES_BATCH = 1000;
    /** Plan items deleted per statement when an expired run is deleted, so that no statement runs for long. */
    static final int DELETE_ITEMS_BATCH = 50_000;

    private final Pool pool;
    private final RunRepository runs;
    private final PolicyService policies;
    private final KubernetesWorkloads workloads;
    private final CommandOutboxRepository outbox;
    private final CommandRelay relay;
    private final PruneMetrics metrics;
    private final PlanningQueue planning;
    private final PruneServiceConfig config;
    private final Clock clock;

    public RunService(Pool pool, RunRepository runs, PolicyService policies, KubernetesWorkloads workloads, CommandOutboxRepository outbox,
            CommandRelay relay, PruneMetrics metrics, PlanningQueue planning, PruneServiceConfig config, Clock clock) {
        this.pool = pool;
        this.runs = runs;
        this.policies = policies;
        this.workloads = workloads;
        this.outbox = outbox;
        this.relay = relay;
        this.metrics = metrics;
        this.planning = planning;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Creates a run and plans it in the background, when a planning slot is free (PlanningQueue); the fields of
     * {@code request} override the policy. Refused with 429 when too many runs wait to be planned.
     */
    public Uni<UUID> start(RunRequest request, String triggeredBy) {
        Optional<String> namespace = Optional.ofNullable(request.namespace()).filter(ns -> !ns.isEmpty());
        namespace.ifPresent(PolicyService::checkNamespace);
        Optional<Integer> revisions = PolicyService.validRevisions(request.keepTagRevisions(), "keepTagRevisions");
        Optional<Duration> youngerThan = PolicyService.validDuration(request.keepYoungerThan(), "keepYoungerThan");
        planning.reserve();
        return policies.effective(namespace).flatMap(policy -> {
            StoredRun run = new StoredRun(UUID.randomUUID(), namespace.orElse(null), revisions.orElse(policy.keepTagRevisions()),
                    youngerThan.map(Duration::getSeconds).orElse(policy.keepYoungerThanSeconds()),
                    request.ignoreInvalidReferences() != null ? request.ignoreInvalidReferences() : policy.ignoreInvalidReferences(),
                    Boolean.TRUE.equals(request.confirm()), PLANNING,
                    config.kubernetes().enabled() ? "Pending" : WorkloadReferences.NOT_CONFIGURED, clock.instant(), null, null, null, "None",
                    null, null, new JsonObject(), triggeredBy, null);
            return pool.withTransaction(c -> runs.insert(c, run)).replaceWith(run);
        }).onFailure().invoke(planning::release).invoke(run -> planning.submit(() -> execute(run)).subscribe().with(
                ignored -> { },
                e -> Log.errorf(e, "prune run %s could not record its failure", run.id()))).map(StoredRun::id);
    }

    /** Starts a run for a policy's schedule: confirmed, with the policy's settings. */
    public Uni<UUID> startScheduled(StoredPolicy policy) {
        return start(new RunRequest(policy.namespace().isEmpty() ? null : policy.namespace(), null, null, null, true), "schedule");
    }

    /**
     * Plans the run and records the plan in one transaction, reading the projection through a cursor and writing
     * the items as it goes (PlanRecorder); a confirmed run's commands are queued in the same transaction and sent
     * by the relay after the commit.
     */
    private Uni<Void> execute(StoredRun run) {
        return pool.withTransaction(c -> runs.planningStarted(c, run.id(), clock.instant())).flatMap(started -> {
            if (!started) {
                Log.infof("prune run %s is no longer Planning (failed while it waited for a planning slot): not planned", run.id());
                return Uni.createFrom().voidItem();
            }
            return plan(run);
        });
    }

    private Uni<Void> plan(StoredRun run) {
        Instant now = clock.instant();
        Duration keepYoungerThan = Duration.ofSeconds(run.keepYoungerThanSeconds());
        Optional<String> namespace = Optional.ofNullable(run.namespace());
        Optional<String> managedRegistry = config.registry().url().map(RunService::hostPort);
        String inUseCheck = config.kubernetes().enabled() ? WorkloadReferences.CHECKED : WorkloadReferences.NOT_CONFIGURED;
        long started = System.nanoTime();
        Uni<WorkloadReferences> inUse = config.kubernetes().enabled()
                ? Uni.createFrom().item(() -> workloads.read(now.minus(keepYoungerThan))).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .onFailure().transform(e -> new InUseCheckFailed(e))
                : Uni.createFrom().item(WorkloadReferences.none());
        return inUse.flatMap(references -> pool.withTransaction(c -> runs.pins(c).flatMap(pins -> {
            Planner planner = new Planner(run.keepTagRevisions(), keepYoungerThan, run.ignoreInvalidReferences(), now, pins, references);
            // the projection is read on a second connection so that PostgreSQL reads the next batch while this
            // transaction writes the last one; the reads need no part in the transaction that stores the plan
            return pool.withTransaction(reader -> new PlanRecorder(c, reader, runs, outbox, run.id(), planner, run.confirm(), managedRegistry,
                            now).record(namespace))
                    .flatMap(planned -> {
                        long planMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                        JsonObject counts = new JsonObject().put("planned", planned);
                        JsonObject plan = new JsonObject(Json.write(Map.of("invalidReferences", references.invalid())));
                        Uni<Boolean> stored = run.confirm()
                                ? runs.planned(c, run.id(), APPLYING, inUseCheck, plan, counts, planMillis, null, null, "None")
                                : runs.planned(c, run.id(), SUCCEEDED, inUseCheck, plan, counts, planMillis, clock.instant(), null, "None");
                        return stored.flatMap(recorded -> {
                            if (!recorded) {
                                // failed by the plan timeout meanwhile: roll back the plan and its commands
                                throw new PlanAbandoned();
                            }
                            return run.confirm() ? runs.applyingSince(c, run.id(), clock.instant()) : Uni.createFrom().voidItem();
                        });
                    });
        })))
                .invoke(() -> metrics.planned(Duration.ofNanos(System.nanoTime() - started)))
                .flatMap(ignored -> {
                    if (!run.confirm()) {
                        metrics.runFinished(SUCCEEDED);
                        return Uni.createFrom().voidItem();
                    }
                    relay.wake();
                    // a run with nothing to remove from any history is complete at once
                    return pool.withTransaction(c -> runs.finishIfComplete(c, run.id(), clock.instant(), config.undo().window()))
                            .invoke(finished -> {
                                if (finished) {
                                    metrics.runFinished(SUCCEEDED);
                                }
                            })
                            .replaceWithVoid();
                })
                .onFailure(PlanAbandoned.class).recoverWithUni(() -> {
                    Log.warnf("prune run %s failed while it was planned (plan timeout); its plan was discarded, nothing was sent", run.id());
                    return Uni.createFrom().voidItem();
                })
                .onFailure().recoverWithUni(e -> {
                    String error = e instanceof InUseCheckFailed ? e.getMessage() : "planning failed: " + e.getMessage();
                    Log.warnf("prune run %s failed: %s", run.id(), error);
                    metrics.runFinished(FAILED);
                    return pool.withTransaction(c -> runs.failed(c, run.id(), error, clock.instant()));
                });
    }

    /**
     * Puts back what a confirmed run removed, while its undo window is open: a run that succeeded, or one that
     * failed waiting for outcomes (then what it removed before it failed, and what late outcomes still remove).
     */
    public Uni<JsonObject> undo(UUID id) {
        Instant now = clock.instant();
        return pool.withTransaction(c -> runs.find(c, id).flatMap(found -> {
            StoredRun run = found.orElseThrow(() -> ApiException.notFound("no run " + id));
            if (!run.confirm()) {
                throw ApiException.conflict("run " + id + " was a dry run: it changed nothing");
            }
            if (UNDONE.equals(run.state())) {
                throw ApiException.conflict("run " + id + " is already undone");
            }
            if (!SUCCEEDED.equals(run.state()) && !(FAILED.equals(run.state()) && run.undoableUntil() != null)) {
                throw ApiException.conflict("run " + id + " is " + run.state() + (FAILED.equals(run.state())
                        ? " before it was confirmed; there is nothing to undo"
                        : "; only a finished run can be undone"));
            }
            if (run.undoableUntil() == null || !now.isBefore(run.undoableUntil())) {
                throw ApiException.conflict("the undo window of run " + id + " closed at "
                        + (run.undoableUntil() == null ? "its end" : Rfc3339.format(run.undoableUntil())));
            }
            Uni<Void> settled = !FAILED.equals(run.state()) ? Uni.createFrom().voidItem() : outbox.withoutOutcome(c, id).invoke(open -> {
                // a command sent without an outcome yet may still be applied; its entries could not be restored
                long inFlight = open.stream().filter(OpenCommand::sent).count();
                if (inFlight > 0) {
                    throw ApiException.conflict("run " + id + " has " + inFlight + (inFlight == 1 ? " command" : " commands")
                            + " sent to stream-service without an outcome yet; undo once the outcomes have arrived"
                            + " (progress.commandsApplied counts them)");
                }
            }).replaceWithVoid();
            return settled.flatMap(ignored -> runs.commands(c, id)).flatMap(commands -> runs.undone(c, id, now).flatMap(changed -> {
                if (!changed) {
                    throw ApiException.conflict("run " + id + " changed meanwhile; try again");
                }
                return outbox.insert(c, id, restoreCommands(id, commands), now);
            }));
        })).invoke(relay::wake).invoke(() -> metrics.runFinished(UNDONE)).flatMap(ignored -> view(id));
    }

    static List<RestoreRevisions> restoreCommands(UUID id, List<RunCommand> commands) {
        Map<String, List<HistoryEntry>> byStream = new LinkedHashMap<>();
        Map<String, RunCommand> first = new LinkedHashMap<>();
        for (RunCommand command : commands) {
            if (command.removed() == null || command.removed().isEmpty()) {
                continue;
            }
            String key = command.namespace() + "/" + command.stream();
            first.putIfAbsent(key, command);
            for (Object entry : command.removed()) {
                byStream.computeIfAbsent(key, k -> new ArrayList<>()).add(Json.read(((JsonObject) entry).encode(), HistoryEntry.class));
            }
        }
        List<RestoreRevisions> restores = new ArrayList<>();
        byStream.forEach((key, entries) -> restores.add(new RestoreRevisions(id.toString(), first.get(key).namespace(),
                first.get(key).stream(), entries)));
        return restores;
    }

    /**
     * Sends DeleteImages for runs whose undo window closed: the images their plan removes that no history names now,
     * {@value #DELETE_IMAGES_BATCH} per command, decided page by page in one transaction with the run's change to
     * Sent, so that a crash half-way sends none of them and the next round starts over.
     */
    public Uni<Integer> deleteDueImages() {
        return pool.withConnection(c -> runs.dueImageDeletions(c, clock.instant())).flatMap(ids -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID id : ids) {
                chain = chain.flatMap(count -> pool.withTransaction(c -> queueImageDeletions(c, id, "")
                                .flatMap(ignored -> runs.setImageDeletion(c, id, "Sent")))
                        .invoke(relay::wake)
                        .replaceWith(count + 1));
            }
            return chain;
        });
    }

    private Uni<Void> queueImageDeletions(io.vertx.mutiny.sqlclient.SqlConnection c, UUID id, String after) {
        return runs.imageDigests(c, id, after, DELETE_IMAGES_BATCH).flatMap(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> next = page.size() < DELETE_IMAGES_BATCH ? Uni.createFrom().voidItem()
                    : Uni.createFrom().deferred(() -> queueImageDeletions(c, id, page.get(page.size() - 1)));
            return runs.unreferenced(c, page).flatMap(digests -> digests.isEmpty() ? Uni.createFrom().voidItem()
                    : outbox.insert(c, id, List.of(new DeleteImages(id.toString(), digests)), clock.instant())).flatMap(ignored -> next);
        });
    }

    /**
     * Deletes the runs finished longer than {@code imagestreams.run-retention} ago with nothing of them still due
     * (RunRepository#expired): their plan items in batches, then the run with its commands and images.
     */
    public Uni<Integer> deleteExpiredRuns() {
        if (config.runRetention().isZero()) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        return pool.withConnection(c -> runs.expired(c, now.minus(config.runRetention()), now, 100)).flatMap(ids -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID id : ids) {
                chain = chain.flatMap(count -> deleteItems(id)
                        .flatMap(ignored -> pool.withTransaction(c -> runs.delete(c, id)))
                        .invoke(deleted -> {
                            if (deleted) {
                                metrics.runDeleted();
                            }
                        })
                        .map(deleted -> deleted ? count + 1 : count));
            }
            return chain;
        });
    }

    private Uni<Void> deleteItems(UUID id) {
        return pool.withTransaction(c -> runs.deleteItems(c, id, DELETE_ITEMS_BATCH))
                .flatMap(deleted -> deleted < DELETE_ITEMS_BATCH ? Uni.createFrom().voidItem() : deleteItems(id));
    }

    /**
     * Fails the runs still Planning after {@code imagestreams.plan-timeout}: their planner stopped (a restart or a
     * crash of the replica that planned them), so nothing else would ever finish them. Nothing of them was sent.
     */
    public Uni<Integer> failStalePlanning() {
        Instant now = clock.instant();
        String error = "planning did not finish within " + GoDuration.format(config.planTimeout())
                + " (prune-service stopped while planning?); nothing was changed: start a new run";
        return pool.withTransaction(c -> runs.failPlanningBefore(c, now.minus(config.planTimeout()), error, now))
                .invoke(ids -> ids.forEach(id -> {
                    Log.warnf("prune run %s failed: %s", id, error);
                    metrics.runFinished(FAILED);
                }))
                .map(List::size);
    }

    /**
     * Fails the runs that waited longer than {@code imagestreams.apply-timeout} for their commands' outcomes,
     * naming the commands without one, and cancels what of theirs was not sent yet. Outcomes that still arrive
     * are recorded in the counts; the run stays Failed.
     */
    public Uni<Integer> failOverdueRuns() {
        Instant now = clock.instant();
        return pool.withConnection(c -> runs.applyingSince(c, now.minus(config.applyTimeout()))).flatMap(ids -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID id : ids) {
                chain = chain.flatMap(count -> pool.withTransaction(c -> outbox.withoutOutcome(c, id).flatMap(open -> {
                    String error = timeoutMessage(open);
                    return runs.failIfApplying(c, id, error, now, now.plus(config.undo().window())).flatMap(failed -> !failed ? Uni.createFrom().item(false)
                            : outbox.cancelUnsent(c, id).replaceWith(true).invoke(() -> {
                                Log.warnf("prune run %s failed: %s", id, error);
                                metrics.runFinished(FAILED);
                            }));
                })).map(failed -> failed ? count + 1 : count));
            }
            return chain;
        });
    }

    private String timeoutMessage(List<OpenCommand> open) {
        StringBuilder message = new StringBuilder("no outcome from stream-service within ")
                .append(GoDuration.format(config.applyTimeout())).append(" for ").append(open.size())
                .append(open.size() == 1 ? " command: " : " commands: ");
        int shown = Math.min(open.size(), 20);
        for (int i = 0; i < shown; i++) {
            OpenCommand command = open.get(i);
            message.append(i == 0 ? "" : ", ").append(command.tag());
            if (command.sent()) {
                message.append(" (sent)");
            } else if (command.attempts() > 0) {
                message.append(" (not sent: ").append(command.attempts()).append(command.attempts() == 1 ? " attempt" : " attempts")
                        .append(command.lastError() == null ? "" : ", last error: " + command.lastError()).append(")");
            } else {
                message.append(" (not sent)");
            }
        }
        if (open.size() > shown) {
            message.append(" and ").append(open.size() - shown).append(" more");
        }
        return message.append("; commands not sent yet are cancelled").toString();
    }

    /**
     * A page of a run's plan: history entries ({@code images} false) or images, in plan order after {@code after}
     * ({@code -1}: from the start), optionally only those kept ({@code Keep}) or removed ({@code Remove}).
     */
    public Uni<JsonObject> items(UUID id, boolean images, Optional<String> action, int after, int limit) {
        Boolean keep = action.map(Planner.KEEP::equals).orElse(null);
        return pool.withConnection(c -> runs.find(c, id).flatMap(found -> {
            found.orElseThrow(() -> ApiException.notFound("no run " + id));
            return runs.items(c, id, images ? PlanRecorder.IMAGE : PlanRecorder.HISTORY, keep, after, limit);
        })).map(rows -> {
            JsonArray items = new JsonArray();
            for (Row row : rows.subList(0, Math.min(rows.size(), limit))) {
                boolean kept = row.getBoolean("keep");
                JsonObject item = images
                        ? new JsonObject().put("image", row.getString("image")).put("size", row.getLong("size"))
                        : new JsonObject().put("namespace", row.getString("namespace")).put("stream", row.getString("stream"))
                                .put("tag", row.getString("tag")).put("position", row.getInteger("position")).put("image", row.getString("image"));
                item.put("action", kept ? Planner.KEEP : Planner.REMOVE).put("reasons", new JsonArray(Planner.reasons(row.getShort("reasons"))));
                item.getMap().values().removeIf(value -> value == null);
                items.add(item);
            }
            JsonObject page = new JsonObject().put("items", items);
            if (rows.size() > limit) {
                page.put("next", rows.get(limit - 1).getInteger("ordinal"));
            }
            return page;
        });
    }

    public Uni<List<JsonObject>> list(int limit) {
        return pool.withConnection(c -> runs.list(c, limit)).map(list -> list.stream().map(run -> summary(run, null)).toList());
    }

    /** The run with its counts, progress and plan. */
    public Uni<JsonObject> view(UUID id) {
        return pool.withConnection(c -> runs.find(c, id).flatMap(found -> {
            StoredRun run = found.orElseThrow(() -> ApiException.notFound("no run " + id));
            return runs.appliedCounts(c, id).flatMap(applied -> runs.skippedByUndo(c, id, VIEW_LIMIT).flatMap(skippedTags -> runs
                    .imagesForView(c, id, VIEW_LIMIT + 1)
                    .flatMap(images -> outbox.unsent(c, id).flatMap(unsent -> runs.plan(c, id).map(plan -> {
                        JsonObject view = summary(run, applied);
                        JsonObject progress = new JsonObject().put("commands", applied.getLong("commands"))
                                .put("commandsApplied", applied.getLong("commandsApplied")).put("commandsUnsent", unsent.count())
                                .put("imageDeletion", run.imageDeletion());
                        if (unsent.lastError() != null) {
                            progress.put("lastSendError", unsent.lastError());
                        }
                        if (PLANNING.equals(run.state())) {
                            // Queued: waiting for a planning slot (imagestreams.planning.max-concurrent)
                            progress.put("planning", run.planningStartedAt() == null ? "Queued" : "Running");
                        }
                        view.put("progress", progress);
                        JsonArray skipped = new JsonArray();
                        skippedTags.forEach(cmd -> skipped.add(new JsonObject().put("namespace", cmd.namespace()).put("stream", cmd.stream())
                                        .put("tag", cmd.tag()).put("reason", "TagDeleted")));
                        if (UNDONE.equals(run.state())) {
                            view.put("undo", new JsonObject().put("skipped", skipped));
                        }
                        JsonArray imageOutcomes = new JsonArray();
                        images.stream().limit(VIEW_LIMIT).forEach(image -> imageOutcomes.add(new JsonObject().put("image", image.digest()).put("size", image.size())
                                .put("deleted", image.deleted()).put("repository", image.repository())
                                .put("registry", image.registryStatus()).put("registryError", image.registryError())));
                        if (!images.isEmpty()) {
                            // at most VIEW_LIMIT, failed registry clean-ups first; counts.applied has the totals
                            view.put("imageDeletions", imageOutcomes);
                            if (images.size() > VIEW_LIMIT) {
                                view.put("imageDeletionsTruncated", true);
                            }
                        }
                        if (plan.isPresent()) {
                            view.put("invalidReferences", plan.get().getValue("invalidReferences"));
                            // the items themselves are paged: GET /api/v1/runs/{id}/items and /images
                            view.put("plan", new JsonObject().put("items", "/api/v1/runs/" + id + "/items")
                                    .put("images", "/api/v1/runs/" + id + "/images"));
                        }
                        return view;
                    })))));
        }));
    }

    private static JsonObject summary(StoredRun run, JsonObject applied) {
        JsonObject counts = run.counts() == null ? new JsonObject() : run.counts().copy();
        if (applied != null && run.confirm()) {
            JsonObject appliedCounts = applied.copy();
            appliedCounts.remove("commands");
            appliedCounts.remove("commandsApplied");
            counts.put("applied", appliedCounts);
        }
        JsonObject view = new JsonObject()
                .put("id", run.id().toString())
                .put("namespace", run.namespace())
                .put("keepTagRevisions", run.keepTagRevisions())
                .put("keepYoungerThan", GoDuration.format(Duration.ofSeconds(run.keepYoungerThanSeconds())))
                .put("ignoreInvalidReferences", run.ignoreInvalidReferences())
                .put("confirm", run.confirm())
                .put("dryRun", !run.confirm())
                .put("state", run.state())
                .put("inUseCheck", run.inUseCheck())
                .put("triggeredBy", run.triggeredBy())
                .put("createdAt", time(run.createdAt()))
                .put("planningStartedAt", time(run.planningStartedAt()))
                .put("finishedAt", time(run.finishedAt()))
                .put("undoableUntil", time(run.undoableUntil()))
                .put("undoneAt", time(run.undoneAt()))
                .put("planMillis", run.planMillis())
                .put("error", run.error())
                .put("counts", counts);
        view.getMap().values().removeIf(value -> value == null);
        return view;
    }

    private static String time(Instant instant) {
        return instant == null ? null : Rfc3339.format(instant);
    }

    static String hostPort(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    /** The repository ({@code ns/name}) of a pull spec in the managed registry; empty for images elsewhere. */
    static Optional<String> repository(String pullSpec, String managedHost) {
        return ImageReference.tryParse(pullSpec).filter(ref -> managedHost.equalsIgnoreCase(ref.registry()))
                .map(ref -> ref.namespace() == null || ref.namespace().isEmpty() ? ref.name() : ref.namespace() + "/" + ref.name());
    }

    /** A run request; every field is optional. */
    public record RunRequest(String namespace, Integer keepTagRevisions, String keepYoungerThan, Boolean ignoreInvalidReferences,
            Boolean confirm) {
    }

    /** The run was failed (plan timeout) while it was planned: its plan must not be stored. */
    static final class PlanAbandoned extends RuntimeException {

        PlanAbandoned() {
            super("the run is no longer Planning", null, false, false);
        }
    }

    /** The workload read of the in-use check failed: the run fails rather than prune blind. */
    static final class InUseCheckFailed extends RuntimeException {

        InUseCheckFailed(Throwable cause) {
            super("in-use check failed: reading workloads from Kubernetes did not work (" + cause.getMessage() + ")", cause);
        }
    }
}
