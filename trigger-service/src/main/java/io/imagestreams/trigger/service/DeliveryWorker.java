package io.imagestreams.trigger.service;

import io.imagestreams.trigger.client.TargetPolicy;
import io.imagestreams.trigger.client.WebhookSender;
import io.imagestreams.trigger.config.TriggerServiceConfig;
import io.imagestreams.trigger.repository.Delivery;
import io.imagestreams.trigger.repository.DeliveryEvent;
import io.imagestreams.trigger.repository.DeliveryRepository;
import io.imagestreams.trigger.repository.WebhookTrigger;
import io.imagestreams.trigger.repository.WebhookTriggerRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends webhook deliveries. It leases one trigger at a time per slot (an atomic find-and-modify on the trigger
 * document, so several replicas never work on the same trigger), turns the trigger's queued event into a delivery
 * (superseding its older undelivered ones) unless the minimum image age still holds it, then sends its pending
 * deliveries in order while they are due. A held image makes the trigger due again when it is old enough. Every
 * state lives in MongoDB, so a restart resumes where it stopped.
 */
@ApplicationScoped
public class DeliveryWorker {

    /** Sends per lease before the trigger goes back to the queue, so one busy trigger cannot hold a slot forever. */
    private static final int SENDS_PER_LEASE = 10;
    private static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(5);

    private final WebhookTriggerRepository triggers;
    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final TargetPolicy targetPolicy;
    private final Backoff backoff;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore slots;
    private final ExecutorService senders;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(daemon("webhook-dispatch"));
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private final MeterRegistry registry;
    private final MinImageAge minImageAge;
    private final Timer requestLatency;

    public DeliveryWorker(WebhookTriggerRepository triggers, DeliveryRepository deliveries, WebhookSender sender,
            WebhookSecrets secrets, TargetPolicy targetPolicy, Backoff backoff, Clock clock, TriggerServiceConfig config,
            MeterRegistry registry, MinImageAge minImageAge) {
        this.triggers = triggers;
        this.deliveries = deliveries;
        this.sender = sender;
        this.secrets = secrets;
        this.targetPolicy = targetPolicy;
        this.backoff = backoff;
        this.clock = clock;
        this.maxAttempts = config.webhooks().maxAttempts();
        // a lease outlives the longest send of a lease period; it is renewed before every send
        this.lease = config.webhooks().timeout().multipliedBy(2).plusSeconds(30);
        int concurrency = Math.max(1, config.webhooks().concurrency());
        this.slots = new Semaphore(concurrency);
        this.senders = Executors.newFixedThreadPool(concurrency, daemon("webhook-sender"));
        this.registry = registry;
        this.minImageAge = minImageAge;
        this.requestLatency = Timer.builder("imagestreams.webhook.request.latency")
                .description("time from sending a webhook request to its answer").register(registry);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() throws InterruptedException {
        dispatcher.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }

    @Scheduled(every = "${imagestreams.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Looks for due work now (called when something was queued). */
    public void wake() {
        if (dispatchQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    dispatchQueued.set(false);
                    dispatch();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                dispatchQueued.set(false);
            }
        }
    }

    private void dispatch() {
        try {
            while (slots.tryAcquire()) {
                Instant now = clock.instant();
                Optional<WebhookTrigger> claimed = triggers.claimDue(owner, now, now.plus(lease));
                if (claimed.isEmpty()) {
                    slots.release();
                    return;
                }
                WebhookTrigger trigger = claimed.get();
                if (!inProgress.add(trigger.id())) {
                    // our own lease ran out while a sender still works on it: that sender releases it
                    slots.release();
                    continue;
                }
                senders.execute(() -> {
                    try {
                        work(trigger);
                    } finally {
                        inProgress.remove(trigger.id());
                        slots.release();
                        wake();
                    }
                });
            }
        } catch (RuntimeException e) {
            Log.warnf("webhook delivery dispatch failed, retrying on the next poll: %s", e.getMessage());
        }
    }

    private void work(WebhookTrigger claimed) {
        String id = claimed.id();
        Instant nextDue = null;
        Instant heldUntil = null;
        try {
            if (claimed.pending() != null) {
                if (claimed.pendingHold() != null && claimed.pendingHold().notBefore().isAfter(clock.instant())) {
                    heldUntil = claimed.pendingHold().notBefore();
                } else {
                    materialize(claimed, claimed.pending());
                }
            }
            for (int sent = 0; ; sent++) {
                Optional<Delivery> next = deliveries.firstPending(id);
                if (next.isEmpty()) {
                    nextDue = null;
                    break;
                }
                Instant now = clock.instant();
                if (next.get().nextAttemptAt().isAfter(now)) {
                    nextDue = next.get().nextAttemptAt();
                    break;
                }
                if (sent == SENDS_PER_LEASE) {
                    nextDue = now;
                    break;
                }
                Optional<WebhookTrigger> renewed = triggers.renewLease(id, owner, now.plus(lease));
                if (renewed.isEmpty()) {
                    if (triggers.find(id).isEmpty()) {
                        deliveries.cancelPending(id, now);
                    }
                    return;
                }
                if (renewed.get().paused()) {
                    nextDue = null; // resume makes it due again
                    break;
                }
                attempt(renewed.get(), next.get());
            }
        } catch (RuntimeException e) {
            Log.warnf("webhook deliveries of trigger %s failed: %s; retrying", id, e.getMessage());
            nextDue = clock.instant().plus(RETRY_AFTER_ERROR);
        }
        if (heldUntil != null && (nextDue == null || heldUntil.isBefore(nextDue))) {
            nextDue = heldUntil;
        }
        triggers.release(id, owner, claimed.version(), nextDue, clock.instant());
    }

    /** The queued event becomes a delivery; older undelivered images of the trigger are superseded by it. */
    private void materialize(WebhookTrigger trigger, DeliveryEvent event) {
        Instant now = clock.instant();
        long seq = triggers.nextDeliverySeq(trigger.id());
        Delivery delivery = new Delivery(event.eventId(), trigger.id(), seq, event, Delivery.Status.Pending, 0, now, null,
                null, null, now, now, null, null);
        if (!deliveries.insertIfAbsent(delivery)) {
            seq = deliveries.find(event.eventId()).map(Delivery::seq).orElse(seq);
        } else if (trigger.pendingHold() != null) {
            minImageAge.released(MinImageAge.Trigger.WEBHOOK);
        }
        long superseded = deliveries.supersedeOlderThan(trigger.id(), seq, now);
        outcome("superseded").increment(superseded);
        triggers.clearPending(trigger.id(), event.eventId());
    }

    private void attempt(WebhookTrigger trigger, Delivery delivery) {
        int attempts = delivery.attempts() + 1;
        URI url = URI.create(trigger.url());
        TargetPolicy.Decision decision = targetPolicy.check(url, false);
        if (!decision.allowed()) {
            Log.warnf("webhook delivery %s refused before sending: %s", delivery.id(), decision.reason());
            finish(delivery, Delivery.Status.Failed, attempts, null, 0, "refused by the webhook target policy: " + decision.reason(),
                    "refused");
            return;
        }
        byte[] key;
        try {
            key = secrets.signingKey(trigger.storedSecret());
        } catch (IllegalStateException e) {
            finish(delivery, Delivery.Status.Failed, attempts, null, 0, e.getMessage(), "failed");
            return;
        }
        String body = WebhookPayloads.cloudEvent(trigger.id(), delivery.event());
        String webhookId = delivery.event().eventId();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", webhookId,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.sign(key, webhookId, timestamp, body));
        WebhookSender.Result result = sender.post(url, headers, body);
        requestLatency.record(Duration.ofMillis(result.latencyMs()));
        Integer code = result.statusCode();
        if (code != null && code >= 200 && code < 300) {
            finish(delivery, Delivery.Status.Delivered, attempts, code, result.latencyMs(), null, "delivered");
            return;
        }
        String error = code == null ? result.error() : "HTTP " + code;
        boolean retryable = code == null || code >= 500 || code == 429;
        if (retryable && attempts < maxAttempts) {
            Duration delay = backoff.after(attempts, result.retryAfter());
            Instant now = clock.instant();
            deliveries.recordAttempt(delivery.id(), Delivery.Status.Pending, attempts, now.plus(delay), code,
                    result.latencyMs(), error, now);
            outcome("retry").increment();
            return;
        }
        String reason = retryable ? error + "; gave up after " + attempts + " attempts" : error + " (not retried)";
        Log.warnf("webhook delivery %s dead-lettered: %s", delivery.id(), reason);
        finish(delivery, Delivery.Status.Failed, attempts, code, result.latencyMs(), reason, "failed");
    }

    private void finish(Delivery delivery, Delivery.Status status, int attempts, Integer code, long latencyMs,
            String error, String outcome) {
        Instant now = clock.instant();
        deliveries.recordAttempt(delivery.id(), status, attempts, null, code, latencyMs, error, now);
        outcome(outcome).increment();
    }

    private Counter outcome(String outcome) {
        return Counter.builder("imagestreams.webhook.deliveries").description("webhook delivery attempts and outcomes")
                .tag("outcome", outcome).register(registry);
    }
}
