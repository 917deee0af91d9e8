package io.imagestreams.prune.messaging;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.prune.service.ProjectionGate;
import io.imagestreams.prune.service.ProjectionService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code image-stream-events} into the projection. Events are applied at most once (by CloudEvents id);
 * a message that cannot be understood goes to the dead-letter topic; a database hiccup is retried first. While
 * the projection is rebuilt from the beginning of the topic, live events wait, so nothing is applied out of order.
 */
@ApplicationScoped
public class StreamEventsConsumer {

    public static final String CHANNEL = "stream-events";

    private final ProjectionService projection;
    private final ProjectionGate gate;
    private final Clock clock;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    public StreamEventsConsumer(ProjectionService projection, ProjectionGate gate, Clock clock, MeterRegistry registry) {
        this.projection = projection;
        this.gate = gate;
        this.clock = clock;
        this.applied = Counter.builder("imagestreams.projection.events").tag("outcome", "applied").register(registry);
        this.duplicates = Counter.builder("imagestreams.projection.events").tag("outcome", "duplicate").register(registry);
        this.deadLettered = Counter.builder("imagestreams.projection.events").tag("outcome", "dead-lettered").register(registry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent;
        Optional<EventPayload> payload;
        try {
            cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent (no ce_type)"));
            if (cloudEvent.getId() == null || cloudEvent.getId().isEmpty()) {
                throw new IllegalArgumentException("a CloudEvent without an id");
            }
            payload = ProjectionService.parse(cloudEvent.getType(), message.getPayload());
        } catch (RuntimeException e) {
            return deadLetter(message, e);
        }
        if (payload.isEmpty()) {
            return Uni.createFrom().completionStage(message.ack()); // a type the projection has no use for
        }
        Instant time = cloudEvent.getTimeStamp().map(t -> t.toInstant()).orElse(clock.instant());
        String id = cloudEvent.getId();
        return gate.whenLive()
                .flatMap(ignored -> projection.apply(id, payload.get(), time))
                .onFailure().invoke(e -> Log.warnf("event %s not applied, will retry: %s", id, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onItem().transformToUni(first -> {
                    (first ? applied : duplicates).increment();
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(e -> deadLetter(message, e));
    }

    private Uni<Void> deadLetter(Message<String> message, Throwable cause) {
        deadLettered.increment();
        Log.warnf("stream event sent to the dead-letter topic: %s", cause.getMessage());
        return Uni.createFrom().completionStage(message.nack(cause));
    }
}
