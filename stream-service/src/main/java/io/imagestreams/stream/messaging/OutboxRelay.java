package io.imagestreams.stream.messaging;

import io.imagestreams.api.event.EventSources;
import io.imagestreams.stream.repository.OutboxRepository;
import io.imagestreams.stream.repository.OutboxRepository.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes outbox rows to Kafka in commit order, at least once. One relay at a time holds a PostgreSQL
 * advisory lock (so several replicas never reorder a stream's events); a row is marked published only after
 * Kafka acknowledged it, so a broker outage or a restart delays events but never loses or reorders them.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";
    static final int BATCH = 200;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);
    private static final URI SOURCE = URI.create(EventSources.STREAM_SERVICE);

    private final Pool pool;
    private final OutboxRepository outbox;
    private final Emitter<String> emitter;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(Pool pool, OutboxRepository outbox, @Channel(CHANNEL) Emitter<String> emitter, MeterRegistry registry) {
        this.pool = pool;
        this.outbox = outbox;
        this.emitter = emitter;
        this.published = Counter.builder("imagestreams.outbox.published").description("events relayed to Kafka").register(registry);
        this.failures = Counter.builder("imagestreams.outbox.failures").description("relay rounds that failed and will be retried")
                .register(registry);
        registry.gauge("imagestreams.outbox.pending", pending);
    }

    /** Messaging channels are wired once the application has started; relaying before that fails. */
    void onStart(@Observes StartupEvent event) {
        started.set(true);
        wake();
    }

    /** Asks for a relay round now (after a commit), without waiting for the next poll. */
    public void wake() {
        if (!started.get()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    @Scheduled(every = "${imagestreams.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void poll() {
        wake();
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> cleanUp() {
        return pool.withConnection(c -> outbox.deletePublishedBefore(c, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)))
                .replaceWithVoid();
    }

    private void loop() {
        again.set(false);
        relayOnce().subscribe().with(count -> {
            if (count >= BATCH) {
                again.set(true);
            }
            finishRound();
        }, failure -> {
            failures.increment();
            Log.warnf("outbox relay round failed, retrying on the next poll: %s", failure.getMessage());
            again.set(false);
            finishRound();
        });
    }

    private void finishRound() {
        running.set(false);
        if (again.get() && running.compareAndSet(false, true)) {
            loop();
        }
    }

    /** One round: lock, read a batch, publish it, mark it published; returns how many were relayed. */
    Uni<Integer> relayOnce() {
        return pool.withTransaction(connection -> outbox.tryRelayLock(connection).flatMap(locked -> {
            if (!locked) {
                return Uni.createFrom().item(0);
            }
            return outbox.pending(connection, BATCH).flatMap(events -> {
                if (events.isEmpty()) {
                    pending.set(0);
                    return Uni.createFrom().item(0);
                }
                return publish(events)
                        .flatMap(ignored -> outbox.markPublished(connection, events.stream().map(PendingEvent::seq).toList()))
                        .invoke(() -> published.increment(events.size()))
                        .flatMap(ignored -> outbox.countPending(connection))
                        .invoke(pending::set)
                        .replaceWith(events.size());
            });
        }));
    }

    /**
     * Sends the batch one record at a time, each only after Kafka acknowledged the one before, and stops at the
     * first failure. Handing Kafka the whole batch at once would let a later record through while an earlier one
     * waits out a broker outage, and the retry would then land the earlier one after it.
     */
    private Uni<Void> publish(List<PendingEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PendingEvent pendingEvent : events) {
            chain = chain.flatMap(ignored -> send(pendingEvent.event()));
        }
        return chain;
    }

    private Uni<Void> send(OutboxRepository.OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id().toString())
                .withSource(SOURCE)
                .withType(event.type())
                .withSubject(event.subject())
                .withTimestamp(event.time().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .build();
        emitter.send(Message.of(event.payload(), Metadata.of(cloudEvent, kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        // a broker that never answers must not stall the relay: fail the round and retry it
        return Uni.createFrom().completionStage(ack)
                .ifNoItem().after(PUBLISH_TIMEOUT).failWith(() -> new IllegalStateException("Kafka did not acknowledge an event in time"));
    }
}
