package io.imagestreams.importer.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.json.ImageApiJson;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads an incoming CloudEvent (binary mode) into its payload record by {@code ce_type}. */
final class CloudEvents {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CloudEvents() {
    }

    /** The event's type; a message without one is not a CloudEvent. */
    static String type(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent (no ce_type)"));
    }

    /** The payload of a known type; empty for a type this project does not define (newer producers). */
    static Optional<EventPayload> payload(Message<String> message) {
        String type = type(message);
        Optional<Class<? extends EventPayload>> payloadClass = EventTypes.payloadClass(type);
        if (payloadClass.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(message.getPayload(), payloadClass.get()));
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }
}
