package io.imagestreams.importer.messaging;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventSources;
import io.imagestreams.api.event.ImportPolicy;
import io.imagestreams.api.event.SpecTag;
import io.imagestreams.api.event.TagSource;
import io.imagestreams.api.json.ImageApiJson;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends events as CloudEvents into in-memory channels and reads published ones back. */
public final class TestEvents {

    private TestEvents() {
    }

    public static void send(InMemoryConnector connector, String channel, EventPayload payload) {
        String json = ImageApiJson.toJsonString(payload);
        DefaultIncomingCloudEventMetadata<String> cloudEvent = new DefaultIncomingCloudEventMetadata<>(
                UUID.randomUUID().toString(), "1.0", URI.create(EventSources.STREAM_SERVICE), payload.eventType(),
                "application/json", null, payload.partitionKey(), ZonedDateTime.now(), Map.of(), json);
        connector.source(channel).send(Message.of(json, Metadata.of(cloudEvent)));
    }

    /** A spec tag importing {@code from}, scheduled or not. */
    public static SpecTag dockerTag(String name, String from, boolean scheduled, long generation) {
        return dockerTag(name, from, scheduled, generation, null, null);
    }

    /** A spec tag importing {@code from} whose annotations prefer {@code preferArch}/{@code preferOs} (null: unset). */
    public static SpecTag dockerTag(String name, String from, boolean scheduled, long generation, String preferArch,
            String preferOs) {
        return new SpecTag(name, new TagSource("DockerImage", null, from), false, generation,
                new ImportPolicy(true, scheduled, "Legacy"), "Source", preferArch, preferOs);
    }

    /** The published events of {@code type} whose payload mentions {@code namespace}, oldest first. */
    public static List<Message<String>> published(InMemoryConnector connector, String channel, String type, String namespace) {
        return connector.<String>sink(channel).received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).map(ce -> ce.getType().equals(type)).orElse(false))
                .filter(m -> m.getPayload().contains("\"namespace\":\"" + namespace + "\""))
                .map(m -> (Message<String>) m)
                .toList();
    }

    public static Optional<String> key(Message<String> message) {
        return message.getMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.class)
                .map(kafka -> String.valueOf(kafka.getKey()));
    }
}
