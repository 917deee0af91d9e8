package io.imagestreams.importer.service;

import io.imagestreams.api.event.ImportFailed;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.ImportOptions;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.client.Registries;
import io.imagestreams.importer.client.RegistryException;
import io.imagestreams.importer.client.ResolvedManifest;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.imagestreams.importer.messaging.ImportResultsPublisher;
import io.imagestreams.importer.repository.Schedule;
import io.imagestreams.importer.repository.ScheduleRepository;
import io.imagestreams.importer.repository.SourceManifest;
import io.imagestreams.importer.service.TagImporter.Outcome;
import io.imagestreams.importer.service.TagImporter.TagImport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scheduled checks. Due tags are claimed one at a time with an atomic lease (so replicas never work the same
 * tag), at most {@code max-checks-per-minute} start per minute, and a check costs one manifest {@code HEAD} when
 * the digest is unchanged: only a new digest costs the GETs of an import and an event.
 */
@ApplicationScoped
public class Scheduler {

    private final ScheduleRepository schedules;
    private final Registries registries;
    private final ImportTargets targets;
    private final TagImporter importer;
    private final CredentialService credentials;
    private final ImportResultsPublisher publisher;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ImportServiceConfig.Schedules config;
    private final String owner = "import-service-" + UUID.randomUUID();
    private final TokenBucket startsPerMinute;
    private final Semaphore inFlight;
    private final AtomicBoolean draining = new AtomicBoolean();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    public Scheduler(ScheduleRepository schedules, Registries registries, ImportTargets targets, TagImporter importer,
            CredentialService credentials, ImportResultsPublisher publisher, MeterRegistry meters, Clock clock,
            ImportServiceConfig config) {
        this.schedules = schedules;
        this.registries = registries;
        this.targets = targets;
        this.importer = importer;
        this.credentials = credentials;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
        this.config = config.schedules();
        this.startsPerMinute = new TokenBucket(this.config.maxChecksPerMinute(), Duration.ofMinutes(1), clock);
        this.inFlight = new Semaphore(Math.max(1, config.lookups().parallelism()));
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            Log.info("scheduled imports are off (imagestreams.schedules.enabled=false)");
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(inFlight.availablePermits(), task -> daemon(task, "scheduled-check-" + threads.incrementAndGet()));
        ticker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "scheduler"));
        ticker.scheduleWithFixedDelay(this::drain, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        Log.infof("scheduled imports every %s, at most %d checks per minute", config.interval(), config.maxChecksPerMinute());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdown();
        }
    }

    /** Looks for due tags now instead of at the next poll, e.g. after a push notification. */
    public void wake() {
        if (ticker != null && !ticker.isShutdown()) {
            ticker.execute(this::drain);
        }
    }

    /** Claims and starts due checks while workers, the per-minute budget and due tags last. */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (inFlight.tryAcquire()) {
                Instant now = clock.instant();
                if (!startsPerMinute.peek()) {
                    inFlight.release();
                    return;
                }
                Optional<Schedule> due = schedules.claimDue(now, owner, now.plus(config.lease()));
                if (due.isEmpty()) {
                    inFlight.release();
                    return;
                }
                startsPerMinute.take();
                workers.execute(() -> {
                    try {
                        check(due.get());
                    } finally {
                        inFlight.release();
                        // more may be due: claim them now rather than at the next poll
                        wake();
                    }
                });
            }
        } catch (RuntimeException e) {
            // MongoDB away: the next poll tries again; readiness reports the store
            Log.warnf("scheduled checks paused: %s", e.getMessage());
        } finally {
            draining.set(false);
        }
    }

    /** One scheduled check of a claimed tag. */
    void check(Schedule schedule) {
        try {
            checkOrFail(schedule);
        } catch (RuntimeException e) {
            // the result could not be published or stored: the lease runs out and the check is done again
            meters.counter("imagestreams.scheduled.checks", "outcome", "Error").increment();
            Log.warnf("scheduled check of %s not finished, retried when its lease ends: %s", schedule.key(), e.getMessage());
        }
    }

    private void checkOrFail(Schedule schedule) {
        ImageReference from;
        try {
            from = ImageReference.parse(schedule.from());
        } catch (IllegalArgumentException e) {
            publishFailure(schedule, "Invalid", e.getMessage());
            finish(schedule, Schedule.FAILED, "Invalid", e.getMessage(), null, config.interval());
            return;
        }
        CredentialLookup pullCredentials = credentials.lookup(schedule.namespace());
        if (schedule.pushedDigest() != null && !schedule.pushedDigest().equals(schedule.lastSourceDigest())) {
            // a registry announces a push before it moves the tag: import what was pushed, by its digest
            importAndFinish(schedule, schedule.pushedDigest(), pullCredentials);
            return;
        }
        // a HEAD answers the tag's (or list's) digest, whatever platform the tag prefers
        ImportOptions options = targets.options(from, schedule.insecure(), schedule.importMode(), schedule.platform(),
                pullCredentials);
        ResolvedManifest current;
        try {
            current = registries.resolve(from, options);
        } catch (RegistryException e) {
            publishFailure(schedule, e.reason().name(), e.getMessage());
            finish(schedule, Schedule.FAILED, e.reason().name(), e.getMessage(), null,
                    e.retryAfter().filter(wait -> wait.compareTo(Duration.ZERO) > 0).orElse(config.interval()));
            return;
        }
        if (current.digest().equals(schedule.lastSourceDigest())) {
            // the HEAD's media type says whether the tag is a list (what a change of it will cost)
            finish(schedule, Schedule.UNCHANGED, null, null, new SourceManifest(null, current.mediaType(), null),
                    config.interval());
            return;
        }
        importAndFinish(schedule, null, pullCredentials);
    }

    /** Imports the tag's pull spec (pinned to {@code pushedDigest} when not null) and records the outcome. */
    private void importAndFinish(Schedule schedule, String pushedDigest, CredentialLookup pullCredentials) {
        Outcome outcome = importer.importTag(new TagImport(schedule.namespace(), schedule.stream(), schedule.tag(),
                schedule.from(), schedule.specGeneration(), schedule.insecure(), schedule.importMode(), schedule.platform(),
                true, pushedDigest),
                pullCredentials);
        publisher.publish(outcome.result());
        if (outcome.result() instanceof ImportFailed failed) {
            finish(schedule, Schedule.FAILED, failed.reason(), failed.message(), null, config.interval());
        } else {
            finish(schedule, Schedule.UPDATED, null, null, outcome.source().orElse(null), config.interval());
        }
    }

    private void publishFailure(Schedule schedule, String reason, String message) {
        publisher.publish(new ImportFailed(schedule.namespace(), schedule.stream(), schedule.tag(), schedule.specGeneration(),
                reason, message, schedule.from()));
    }

    private void finish(Schedule schedule, String result, String reason, String message, SourceManifest source,
            Duration next) {
        Instant now = clock.instant();
        boolean recorded = schedules.finishCheck(schedule, owner, now, result, reason, message, source, now.plus(next));
        meters.counter("imagestreams.scheduled.checks", "outcome", result).increment();
        if (!recorded) {
            Log.infof("scheduled check of %s outlived its lease; another replica has it now", schedule.key());
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** {@code capacity} starts per {@code period}, refilled continuously; no burst beyond the capacity. */
    static final class TokenBucket {
        private final double capacity;
        private final double perNano;
        private final Clock clock;
        private double tokens;
        private Instant last;

        TokenBucket(int capacity, Duration period, Clock clock) {
            this.capacity = Math.max(1, capacity);
            this.perNano = this.capacity / period.toNanos();
            this.clock = clock;
            this.tokens = this.capacity;
            this.last = clock.instant();
        }

        synchronized boolean peek() {
            refill();
            return tokens >= 1;
        }

        synchronized void take() {
            refill();
            tokens -= 1;
        }

        private void refill() {
            Instant now = clock.instant();
            long elapsed = Duration.between(last, now).toNanos();
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * perNano);
                last = now;
            }
        }
    }
}
