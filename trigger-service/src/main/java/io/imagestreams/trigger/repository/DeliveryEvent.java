package io.imagestreams.trigger.repository;

import java.time.Instant;
import org.bson.Document;

/**
 * What a webhook delivery carries: a tag's image at one generation, and why it is sent.
 *
 * @param eventId the CloudEvent id and {@code webhook-id}; the same on every retry and redelivery of the event
 */
public record DeliveryEvent(String eventId, Reason reason, String namespace, String stream, String tag, long generation,
        TagImage.Image image, TagImage.Image previousImage, Instant occurredAt) {

    /** Why a delivery exists. */
    public enum Reason {
        /** the tag moved to a new image */
        TAG_UPDATED("TagUpdated"),
        /** a trigger was registered (or re-pointed) for a tag that already had an image */
        TRIGGER_CREATED("TriggerCreated"),
        /** {@code POST …/fire} */
        FIRED("Fired"),
        /** {@code POST …/resume} with an image the trigger had not delivered */
        RESUMED("Resumed");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Reason fromWire(String wire) {
            for (Reason r : values()) {
                if (r.wire.equals(wire)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown delivery reason " + wire);
        }
    }

    public static DeliveryEvent of(String eventId, Reason reason, TagImage tag, Instant occurredAt) {
        return new DeliveryEvent(eventId, reason, tag.namespace(), tag.stream(), tag.tag(), tag.generation(), tag.image(),
                tag.previousImage(), occurredAt);
    }

    Document toDocument() {
        return new Document("eventId", eventId).append("reason", reason.wire())
                .append("namespace", namespace).append("stream", stream).append("tag", tag)
                .append("generation", generation)
                .append("image", Documents.image(image)).append("previousImage", Documents.image(previousImage))
                .append("occurredAt", Documents.date(occurredAt));
    }

    static DeliveryEvent fromDocument(Document d) {
        if (d == null) {
            return null;
        }
        return new DeliveryEvent(d.getString("eventId"), Reason.fromWire(d.getString("reason")), d.getString("namespace"),
                d.getString("stream"), d.getString("tag"), d.get("generation", Number.class).longValue(),
                Documents.image(d.get("image", Document.class)), Documents.image(d.get("previousImage", Document.class)),
                Documents.instant(d, "occurredAt"));
    }
}
