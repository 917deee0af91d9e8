package io.imagestreams.stream.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.json.ImageApiJson;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads the CloudEvents stream-service consumes (binary mode: {@code ce_type} header, JSON data). */
final class IncomingEvents {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IncomingEvents() {
    }

    /**
     * The payload of {@code message}, one of {@code accepted}.
     *
     * @param topic the topic's name for the error message, e.g. {@code import results}
     * @throws IllegalArgumentException for a message that is no CloudEvent, of another type, or unreadable: a
     *                                  poison message for the dead-letter topic
     */
    static EventPayload parse(Message<String> message, Set<Class<? extends EventPayload>> accepted, String topic) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent (no ce_type)"));
        Optional<Class<? extends EventPayload>> payloadClass = EventTypes.payloadClass(type);
        if (payloadClass.isEmpty() || !accepted.contains(payloadClass.get())) {
            throw new IllegalArgumentException("unexpected event type " + type + " on the " + topic + " topic");
        }
        try {
            return JSON.readValue(message.getPayload(), payloadClass.get());
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }
}
