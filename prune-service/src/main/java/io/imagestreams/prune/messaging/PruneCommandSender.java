package io.imagestreams.prune.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventSources;
import io.imagestreams.api.event.Topics;
import io.imagestreams.api.json.ImageApiJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends prune commands to stream-service on {@code image-prune-commands}: CloudEvents in binary mode, keyed by stream. */
@ApplicationScoped
public class PruneCommandSender {

    public static final String CHANNEL = "prune-commands";
    private static final URI SOURCE = URI.create(EventSources.PRUNE_SERVICE);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();

    private final Emitter<String> emitter;
    private final Clock clock;

    public PruneCommandSender(@Channel(CHANNEL) Emitter<String> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    /** Completes when the broker acknowledged the command. */
    public Uni<Void> send(EventPayload command) {
        String data;
        try {
            data = JSON.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("command not writable: " + command.eventType(), e));
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(command.eventType())
                .withSubject(command.partitionKey())
                .withTimestamp(clock.instant().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.IMAGE_PRUNE_COMMANDS)
                .withKey(command.partitionKey())
                .build();
        emitter.send(Message.of(data, Metadata.of(cloudEvent, kafka), () -> {
            ack.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            ack.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return Uni.createFrom().completionStage(ack)
                .ifNoItem().after(SEND_TIMEOUT).failWith(() -> new IllegalStateException("Kafka did not acknowledge a prune command in time"));
    }
}
