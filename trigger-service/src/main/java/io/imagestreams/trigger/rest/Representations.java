package io.imagestreams.trigger.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerView(String id, From from, Webhook webhook, boolean paused, String createdAt, String updatedAt,
            TriggerStatus status) {
    }

    record From(String kind, String namespace, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Webhook(String url, String secret) {
    }

    /** @param lastPullSpec the last image queued for this trigger (what "unchanged" is compared with) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerStatus(String lastPullSpec, Boolean queued) {
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
        return new TriggerView(t.id(), new From("ImageStreamTag", t.namespace(), t.istag()), new Webhook(t.url(), secret),
                t.paused(), time(t.createdAt()), time(t.updatedAt()),
                new TriggerStatus(t.lastPullSpec(), t.pending() == null ? null : Boolean.TRUE));
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
