package io.imagestreams.importer.messaging;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.StreamUpdated;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.importer.service.ScheduleService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Learns which tags to schedule from {@code image-stream-events}: spec tags from StreamCreated/Updated, deleted
 * streams, and the generation each tag's newest import answered (TagUpdated). Idempotent: replaying the topic
 * leaves the same schedules. Events of other types are skipped; unreadable ones go to
 * {@code image-stream-events-dlq}.
 */
@ApplicationScoped
public class StreamEventsConsumer {

    public static final String CHANNEL = "stream-events";

    private final ScheduleService schedules;
    private final MeterRegistry meters;

    public StreamEventsConsumer(ScheduleService schedules, MeterRegistry meters) {
        this.schedules = schedules;
        this.meters = meters;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        Optional<EventPayload> payload;
        try {
            payload = CloudEvents.payload(message);
        } catch (RuntimeException e) {
            meters.counter("imagestreams.stream.events", "outcome", "dead-lettered").increment();
            Log.warnf("stream event sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        if (payload.isPresent()) {
            try {
                Retries.withBackoff(() -> apply(payload.get()));
            } catch (RuntimeException e) {
                meters.counter("imagestreams.stream.events", "outcome", "dead-lettered").increment();
                Log.warnf("stream event not applied, sent to the dead-letter topic: %s", e.getMessage());
                return message.nack(e);
            }
        }
        meters.counter("imagestreams.stream.events", "outcome", payload.isPresent() ? "applied" : "skipped").increment();
        return message.ack();
    }

    void apply(EventPayload event) {
        if (event instanceof StreamCreated created) {
            schedules.streamChanged(created.namespace(), created.name(), created.tags());
        } else if (event instanceof StreamUpdated updated) {
            schedules.streamChanged(updated.namespace(), updated.name(), updated.tags());
        } else if (event instanceof StreamDeleted deleted) {
            schedules.streamDeleted(deleted.namespace(), deleted.name());
        } else if (event instanceof TagUpdated moved) {
            schedules.tagObserved(moved.namespace(), moved.stream(), moved.tag(), moved.generation());
        }
    }
}
