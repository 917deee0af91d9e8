package io.imagestreams.importer.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventSources;
import io.imagestreams.api.json.ImageApiJson;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes import outcomes on {@code image-import-results} as CloudEvents keyed {@code namespace/stream}, and
 * waits for the broker's acknowledgement, so a caller records a check as done only once its result is safe.
 */
@ApplicationScoped
public class ImportResultsPublisher {

    public static final String CHANNEL = "import-results";
    private static final URI SOURCE = URI.create(EventSources.IMPORT_SERVICE);
    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> emitter;
    private final Clock clock;

    public ImportResultsPublisher(@Channel(CHANNEL) Emitter<String> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the broker did not take the event */
    public void publish(EventPayload result) {
        String json;
        try {
            json = JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import result cannot be written as JSON", e);
        }
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(result.eventType())
                .withSubject(result.partitionKey())
                .withTimestamp(clock.instant().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(result.partitionKey())
                .build();
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(json, Metadata.of(cloudEvent, kafka), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        try {
            acked.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing an import result", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("import result not published: " + cause.getMessage(), cause);
        }
    }
}
