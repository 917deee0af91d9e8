package io.imagestreams.trigger.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.trigger.repository.Delivery;
import io.imagestreams.trigger.repository.TagImage;
import io.imagestreams.trigger.repository.WebhookTrigger;
import java.time.Instant;
import java.util.List;

/** What the API answers with. Secrets appear only in {@link TriggerView#webhook} right after creation. */
final class Representations {

    private Representations() {
    }

    /** @param minImageAge a Go duration; absent when there is no minimum image age */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerView(String id, From from, Webhook webhook, boolean paused, String minImageAge, String createdAt,
            String updatedAt, TriggerStatus status) {
    }

    record From(String kind, String namespace, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Webhook(String url, String secret) {
    }

    /**
     * @param lastPullSpec the last image queued for this trigger (what "unchanged" is compared with)
     * @param pending      the queued image the minimum image age holds, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerStatus(String lastPullSpec, Boolean queued, Pending pending) {
    }

    /**
     * An image held until it is old enough.
     *
     * @param ageFrom   where its age counts from: when the tag moved to it, else when the service saw the move
     * @param notBefore when it may fire
     */
    record Pending(Image image, long generation, String ageFrom, String notBefore) {
    }

    record TriggerList(List<TriggerView> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String id, String triggerId, String status, String reason, String redeliveryOf, String eventId,
            String namespace, String stream, String tag, long generation, Image image, Image previousImage,
            int attempts, Integer statusCode, Long latencyMs, String error, String nextAttemptAt, String createdAt,
            String updatedAt, String deliveredAt) {
    }

    record Image(String digest, String pullSpec, String dockerImageReference) {
    }

    record DeliveryList(List<DeliveryView> items) {
    }

    record Fired(String deliveryId) {
    }

    static TriggerView trigger(WebhookTrigger t, String secret) {
        Pending pending = t.pending() == null || t.pendingHold() == null ? null : new Pending(image(t.pending().image()),
                t.pending().generation(), time(t.pendingHold().ageFrom()), time(t.pendingHold().notBefore()));
        return new TriggerView(t.id(), new From("ImageStreamTag", t.namespace(), t.istag()), new Webhook(t.url(), secret),
                t.paused(), t.minImageAge().isZero() ? null : GoDuration.format(t.minImageAge()), time(t.createdAt()),
                time(t.updatedAt()), new TriggerStatus(t.lastPullSpec(), t.pending() == null ? null : Boolean.TRUE, pending));
    }

    static DeliveryView delivery(Delivery d) {
        var e = d.event();
        return new DeliveryView(d.id(), d.triggerId(), d.status().name(), d.redeliveryOf() == null ? e.reason().wire() : "Redelivered",
                d.redeliveryOf(), e.eventId(), e.namespace(), e.stream(), e.tag(), e.generation(), image(e.image()),
                image(e.previousImage()), d.attempts(), d.lastStatusCode(), d.lastLatencyMs(), d.lastError(),
                time(d.nextAttemptAt()), time(d.createdAt()), time(d.updatedAt()), time(d.deliveredAt()));
    }

    private static Image image(TagImage.Image image) {
        return image == null ? null : new Image(image.digest(), image.pullSpec(), image.dockerImageReference());
    }

    private static String time(Instant instant) {
        return instant == null ? null : Rfc3339.format(instant);
    }
}
