package io.imagestreams.trigger.testing;

import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.trigger.messaging.ImageStreamEventsConsumer;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends image stream events into the consumer's in-memory channel, as stream-service would publish them. */
public final class Events {

    public static final String DIGEST_A = "sha256:" + "a".repeat(64);
    public static final String DIGEST_B = "sha256:" + "b".repeat(64);
    public static final String DIGEST_C = "sha256:" + "c".repeat(64);

    private Events() {
    }

    /** How the consumer settled a message. */
    public enum Settled { PENDING, ACKED, NACKED }

    public static AtomicReference<Settled> send(InMemoryConnector connector, String type, String payload) {
        return send(connector, type, payload, type == null ? Metadata.empty() : Metadata.of(cloudEvent(type, payload)));
    }

    /** As {@link #send(InMemoryConnector, String, String)}, read from {@code offset} of partition {@code partition}. */
    public static AtomicReference<Settled> send(InMemoryConnector connector, String type, String payload, int partition,
            long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(ImageStreamEventsConsumer.CHANNEL, partition, offset,
                null, payload);
        return send(connector, type, payload, Metadata.of(cloudEvent(type, payload),
                new IncomingKafkaRecordMetadata<>(record, ImageStreamEventsConsumer.CHANNEL)));
    }

    private static DefaultIncomingCloudEventMetadata<String> cloudEvent(String type, String payload) {
        return new DefaultIncomingCloudEventMetadata<>(UUID.randomUUID().toString(), "1.0", URI.create("/stream-service"),
                type, "application/json", null, null, ZonedDateTime.now(), Map.of(), payload);
    }

    private static AtomicReference<Settled> send(InMemoryConnector connector, String type, String payload, Metadata metadata) {
        AtomicReference<Settled> settled = new AtomicReference<>(Settled.PENDING);
        Message<String> message = Message.of(payload, metadata,
                () -> {
                    settled.set(Settled.ACKED);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    settled.set(Settled.NACKED);
                    return CompletableFuture.completedFuture(null);
                });
        connector.source(ImageStreamEventsConsumer.CHANNEL).send(message);
        return settled;
    }

    /** A TagUpdated payload whose image is {@code quay.io/acme/<stream>@<digest>} (pull spec = that reference). */
    public static String tagUpdated(String namespace, String stream, String tag, long generation, String digest,
            String previousDigest) {
        return tagUpdated(namespace, stream, tag, generation, digest, previousDigest, null);
    }

    /** As above, the tag's history entry for the image recorded at {@code created} ({@code null}: not said). */
    public static String tagUpdated(String namespace, String stream, String tag, long generation, String digest,
            String previousDigest, Instant created) {
        String createdField = created == null ? "" : ",\"created\":\"" + Rfc3339.format(created) + "\"";
        String previous = previousDigest == null ? "" : """
                ,"previousImage":{"digest":"%s","dockerImageReference":"quay.io/acme/%s@%s","pullSpec":"quay.io/acme/%s@%s"}"""
                .formatted(previousDigest, stream, previousDigest, stream, previousDigest);
        return """
                {"namespace":"%s","stream":"%s","tag":"%s","generation":%d,
                 "image":{"digest":"%s","dockerImageReference":"quay.io/acme/%s@%s","pullSpec":"quay.io/acme/%s@%s","size":1234%s}%s}"""
                .formatted(namespace, stream, tag, generation, digest, stream, digest, stream, digest, createdField, previous);
    }

    public static String pullSpec(String stream, String digest) {
        return "quay.io/acme/" + stream + "@" + digest;
    }
}
