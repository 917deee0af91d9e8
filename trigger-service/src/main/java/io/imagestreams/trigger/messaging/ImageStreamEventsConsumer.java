package io.imagestreams.trigger.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.TagDeleted;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.trigger.repository.LogPosition;
import io.imagestreams.trigger.service.TagEventService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code image-stream-events} in order (one message at a time). Event types trigger-service does not
 * need are acknowledged and skipped, also types it does not know (newer producers); a message without a
 * CloudEvent type, or whose data cannot be read, goes to the dead-letter topic. Store hiccups are retried first.
 */
@ApplicationScoped
public class ImageStreamEventsConsumer {

    public static final String CHANNEL = "image-stream-events";
    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Set<Class<? extends EventPayload>> HANDLED = Set.of(TagUpdated.class, TagDeleted.class,
            StreamDeleted.class);

    private final TagEventService tagEvents;
    private final MeterRegistry registry;

    public ImageStreamEventsConsumer(TagEventService tagEvents, MeterRegistry registry) {
        this.tagEvents = tagEvents;
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        Optional<EventPayload> payload;
        try {
            payload = parse(message);
        } catch (RuntimeException e) {
            return deadLetter(message, e);
        }
        if (payload.isEmpty()) {
            outcome("skipped").increment();
            return Uni.createFrom().completionStage(message.ack());
        }
        Optional<LogPosition> position = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> new LogPosition(kafka.getPartition(), kafka.getOffset()));
        return Uni.createFrom().item(() -> apply(payload.get(), position))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(e -> !(e instanceof IllegalArgumentException)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onItem().transformToUni(ignored -> {
                    outcome("applied").increment();
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(e -> deadLetter(message, e));
    }

    private Void apply(EventPayload payload, Optional<LogPosition> position) {
        if (payload instanceof TagUpdated updated) {
            tagEvents.tagUpdated(updated, position);
        } else if (payload instanceof TagDeleted deleted) {
            tagEvents.tagDeleted(deleted);
        } else if (payload instanceof StreamDeleted deleted) {
            tagEvents.streamDeleted(deleted);
        }
        return null;
    }

    private Uni<Void> deadLetter(Message<String> message, Throwable cause) {
        outcome("dead-lettered").increment();
        Log.warnf("image stream event sent to the dead-letter topic: %s", cause.getMessage());
        return Uni.createFrom().completionStage(message.nack(cause));
    }

    /** The payload of an event this service handles; empty for other (and unknown) event types. */
    static Optional<EventPayload> parse(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent (no ce_type)"));
        Optional<Class<? extends EventPayload>> payloadClass = EventTypes.payloadClass(type);
        if (payloadClass.isEmpty() || !HANDLED.contains(payloadClass.get())) {
            return Optional.empty();
        }
        if (message.getPayload() == null) {
            throw new IllegalArgumentException(type + " without data");
        }
        EventPayload payload;
        try {
            payload = JSON.readValue(message.getPayload(), payloadClass.get());
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable " + type + ": " + e.getMessage(), e);
        }
        requireKeyFields(type, payload);
        return Optional.of(payload);
    }

    private static void requireKeyFields(String type, EventPayload payload) {
        boolean complete = true;
        if (payload instanceof TagUpdated t) {
            complete = t.namespace() != null && t.stream() != null && t.tag() != null && t.image() != null;
        } else if (payload instanceof TagDeleted t) {
            complete = t.namespace() != null && t.stream() != null && t.tag() != null;
        } else if (payload instanceof StreamDeleted s) {
            complete = s.namespace() != null && s.name() != null;
        }
        if (!complete) {
            throw new IllegalArgumentException(type + " lacks its namespace, stream, tag or image");
        }
    }

    private Counter outcome(String outcome) {
        return Counter.builder("imagestreams.trigger.events").description("image stream events consumed")
                .tag("outcome", outcome).register(registry);
    }
}
