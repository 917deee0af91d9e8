package io.imagestreams.stream.messaging;

import io.imagestreams.api.event.DeleteImages;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.api.event.RestoreRevisions;
import io.imagestreams.stream.service.PruneCommandService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code image-prune-commands} from prune-service. A message that cannot be understood (no CloudEvent
 * type, another type, bad JSON, no run id) goes to the dead-letter topic instead of blocking the partition; a
 * database hiccup is retried first.
 */
@ApplicationScoped
public class PruneCommandsConsumer {

    public static final String CHANNEL = "prune-commands";
    private static final Set<Class<? extends EventPayload>> COMMANDS = Set.of(PruneRevisions.class, RestoreRevisions.class,
            DeleteImages.class);

    private final PruneCommandService commands;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    public PruneCommandsConsumer(PruneCommandService commands, MeterRegistry registry) {
        this.commands = commands;
        this.applied = Counter.builder("imagestreams.prune.commands").tag("outcome", "applied").register(registry);
        this.duplicates = Counter.builder("imagestreams.prune.commands").tag("outcome", "duplicate").register(registry);
        this.deadLettered = Counter.builder("imagestreams.prune.commands").tag("outcome", "dead-lettered").register(registry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        EventPayload payload;
        try {
            payload = parse(message);
        } catch (RuntimeException e) {
            return deadLetter(message, e);
        }
        return Uni.createFrom().deferred(() -> commands.apply(payload))
                .onFailure().invoke(e -> Log.warnf("prune command %s failed, will retry: %s", payload.eventType(), e.getMessage()))
                .onFailure(e -> !(e instanceof IllegalArgumentException)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(5)
                .onItem().transformToUni(first -> {
                    (first ? applied : duplicates).increment();
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(e -> deadLetter(message, e));
    }

    private Uni<Void> deadLetter(Message<String> message, Throwable cause) {
        deadLettered.increment();
        Log.warnf("prune command sent to the dead-letter topic: %s", cause.getMessage());
        return Uni.createFrom().completionStage(message.nack(cause));
    }

    static EventPayload parse(Message<String> message) {
        return IncomingEvents.parse(message, COMMANDS, "prune commands");
    }
}
