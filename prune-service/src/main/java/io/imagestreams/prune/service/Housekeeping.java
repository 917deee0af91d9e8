package io.imagestreams.prune.service;

import com.cronutils.model.time.ExecutionTime;
import io.imagestreams.prune.client.RegistryCleanup;
import io.imagestreams.prune.repository.PolicyRepository;
import io.imagestreams.prune.repository.PolicyRepository.StoredPolicy;
import io.imagestreams.prune.repository.RunRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Work that falls due with time: runs that waited too long for their commands' outcomes, images of runs whose
 * undo window closed, manifests of deleted images in the managed registry, runs past their retention, and runs of
 * policies whose schedule came round. Driven by the service's clock, so tests move
 * time instead of waiting.
 */
@ApplicationScoped
public class Housekeeping {

    /** The advisory lock key of a housekeeping round ("prunehk" in ASCII). */
    static final long LOCK = 0x7072756e65686bL;

    private final Pool pool;
    private final RunService runs;
    private final RunRepository runRepository;
    private final PolicyRepository policies;
    private final RegistryCleanup registry;
    private final Clock clock;

    public Housekeeping(Pool pool, RunService runs, RunRepository runRepository, PolicyRepository policies, RegistryCleanup registry,
            Clock clock) {
        this.pool = pool;
        this.runs = runs;
        this.runRepository = runRepository;
        this.policies = policies;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(every = "${imagestreams.housekeeping-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce().onFailure().invoke(e -> Log.warnf("housekeeping failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One round of everything that is due, unless another replica is doing one (then this round is skipped). */
    public Uni<Void> runOnce() {
        // a session-level advisory lock on a connection held for the round: two replicas never start the same
        // scheduled run or send the same image deletions; the lock goes with the connection if the replica dies
        return pool.getConnection().flatMap(lockHolder -> lockHolder.preparedQuery("select pg_try_advisory_lock($1)")
                .execute(Tuple.of(LOCK)).map(rows -> rows.iterator().next().getBoolean(0))
                .flatMap(locked -> !locked ? Uni.createFrom().voidItem()
                        : round().onTermination().call(() -> lockHolder.preparedQuery("select pg_advisory_unlock($1)")
                                .execute(Tuple.of(LOCK)).replaceWithVoid().onFailure().recoverWithNull()))
                .onTermination().call(lockHolder::close));
    }

    private Uni<Void> round() {
        return runs.failStalePlanning()
                .flatMap(ignored -> runs.failOverdueRuns())
                .flatMap(ignored -> runs.deleteDueImages())
                .flatMap(ignored -> registry.deletePending())
                .flatMap(ignored -> runs.deleteExpiredRuns())
                .flatMap(ignored -> startScheduledRuns());
    }

    private Uni<Void> startScheduledRuns() {
        return pool.withConnection(policies::scheduled).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (StoredPolicy policy : list) {
                chain = chain.flatMap(ignored -> startIfDue(policy));
            }
            return chain;
        });
    }

    private Uni<Void> startIfDue(StoredPolicy policy) {
        Instant now = clock.instant();
        Optional<ZonedDateTime> due = ExecutionTime.forCron(PolicyService.CRON.parse(policy.schedule()))
                .lastExecution(now.atZone(ZoneOffset.UTC));
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant dueAt = due.get().toInstant();
        String namespace = policy.namespace().isEmpty() ? null : policy.namespace();
        return pool.withConnection(c -> runRepository.lastScheduledRun(c, namespace)).flatMap(last -> {
            // a schedule set after its last due time waits for the next one
            Instant since = last.orElse(policy.updatedAt().toInstant());
            if (!dueAt.isAfter(since)) {
                return Uni.createFrom().voidItem();
            }
            Log.infof("starting the scheduled prune run of %s", namespace == null ? "all namespaces" : namespace);
            // refused (e.g. too many runs waiting to be planned): the schedule is still due on the next round
            return Uni.createFrom().deferred(() -> runs.startScheduled(policy)).replaceWithVoid()
                    .onFailure().invoke(e -> Log.warnf("the scheduled prune run of %s did not start, retrying on the next round: %s",
                            namespace == null ? "all namespaces" : namespace, e.getMessage()))
                    .onFailure().recoverWithNull();
        });
    }
}
