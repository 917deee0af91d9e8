package io.imagestreams.prune.messaging;

import io.imagestreams.api.event.EventSources;
import io.imagestreams.api.event.Topics;
import io.imagestreams.prune.repository.CommandOutboxRepository.PendingCommand;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends prune commands to stream-service on {@code image-prune-commands}: CloudEvents in binary mode, keyed by stream.
 * Only the {@link CommandRelay} sends, from the outbox.
 */
@ApplicationScoped
public class PruneCommandSender {

    public static final String CHANNEL = "prune-commands";
    private static final URI SOURCE = URI.create(EventSources.PRUNE_SERVICE);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> emitter;

    public PruneCommandSender(@Channel(CHANNEL) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends one queued command; completes when the broker acknowledged it. */
    public Uni<Void> send(PendingCommand command) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(command.id().toString())
                .withSource(SOURCE)
                .withType(command.type())
                .withSubject(command.key())
                .withTimestamp(command.createdAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.IMAGE_PRUNE_COMMANDS)
                .withKey(command.key())
                .build();
        try {
            emitter.send(Message.of(command.payload(), Metadata.of(cloudEvent, kafka), () -> {
                ack.complete(null);
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                ack.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
            }));
        } catch (RuntimeException e) {
            // e.g. the emitter's buffer is full while the broker is away
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(ack)
                .ifNoItem().after(SEND_TIMEOUT).failWith(() -> new IllegalStateException("Kafka did not acknowledge a prune command in time"));
    }
}
