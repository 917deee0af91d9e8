package io.imagestreams.prune.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.HistoryPruned;
import io.imagestreams.api.event.HistoryRestored;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.SpecTag;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.TagSource;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.prune.messaging.StreamEventsConsumer;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Feeds stream-service's events into prune-service's in-memory consumer, as the change log would deliver them. */
public final class StreamEventsFeed {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();

    private final InMemoryConnector connector;

    public StreamEventsFeed(InMemoryConnector connector) {
        this.connector = connector;
    }

    /** Sends {@code event} under a new id; returns the id. */
    public String send(EventPayload event) {
        String id = UUID.randomUUID().toString();
        send(id, event);
        return id;
    }

    public void send(String id, EventPayload event) {
        try {
            sendRaw(id, event.eventType(), JSON.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String id, String type, String data) {
        DefaultIncomingCloudEventMetadata<String> cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0", id,
                URI.create("/stream-service"), type, "application/json", null, null, Instant.now().atZone(ZoneOffset.UTC), Map.of(), data);
        connector.source(StreamEventsConsumer.CHANNEL).send(Message.of(data, Metadata.of(cloudEvent)));
    }

    public void streamCreated(String namespace, String stream, SpecTag... tags) {
        send(new StreamCreated(namespace, stream, UUID.randomUUID().toString(), 1, List.of(tags)));
    }

    /**
     * The images {@code digests} tagged one after the other, oldest first, each created {@code hoursApart} hours after
     * the previous, the newest {@code newestAgeHours} hours before now.
     */
    public void tagHistory(String namespace, String stream, String tag, List<String> digests, Instant newestCreated, long hoursApart) {
        ImageRef previous = null;
        for (int i = 0; i < digests.size(); i++) {
            Instant created = newestCreated.minusSeconds(3600 * hoursApart * (digests.size() - 1 - i));
            ImageRef image = ref(digests.get(i), created, 1000L * (i + 1), null);
            send(new TagUpdated(namespace, stream, tag, i + 1, image, previous));
            previous = image;
        }
    }

    public static ImageRef ref(String digest, Instant created, Long size, List<String> manifests) {
        return new ImageRef(digest, "quay.io/acme/app@" + digest, "quay.io/acme/app@" + digest, size, manifests, created);
    }

    public static SpecTag pinnedTag(String name, String digest) {
        return new SpecTag(name, new TagSource("ImageStreamImage", null, "app@" + digest), false, 1L, null, "Source");
    }

    public void historyPruned(String runId, String namespace, String stream, List<HistoryEntry> entries) {
        send(new HistoryPruned(runId, namespace, stream, entries));
    }

    public void historyRestored(String runId, String namespace, String stream, List<HistoryEntry> entries) {
        send(new HistoryRestored(runId, namespace, stream, entries));
    }

    public static String digest(long n) {
        return "sha256:" + String.format("%064x", n);
    }
}
