package io.imagestreams.trigger.service;

import io.imagestreams.trigger.repository.Delivery;
import io.imagestreams.trigger.repository.DeliveryRepository;
import io.imagestreams.trigger.repository.WebhookTriggerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The delivery log and redelivery. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final WebhookTriggerRepository triggers;
    private final DeliveryWorker worker;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, WebhookTriggerRepository triggers, DeliveryWorker worker,
            Clock clock) {
        this.deliveries = deliveries;
        this.triggers = triggers;
        this.worker = worker;
        this.clock = clock;
    }

    public List<Delivery> list(String triggerId, Delivery.Status status, int limit) {
        return deliveries.list(triggerId, status, limit);
    }

    public Delivery find(String id) {
        return deliveries.find(id).orElseThrow(() -> ApiException.notFound("delivery " + id + " not found"));
    }

    /**
     * Sends a finished delivery's event again, as a new delivery queued behind the trigger's others (same
     * {@code webhook-id}: it is the same event).
     */
    public Delivery redeliver(String id) {
        Delivery original = find(id);
        if (original.status() == Delivery.Status.Pending) {
            throw ApiException.conflict("delivery " + id + " is still pending");
        }
        if (triggers.find(original.triggerId()).isEmpty()) {
            throw ApiException.conflict("the trigger of delivery " + id + " no longer exists");
        }
        Instant now = clock.instant();
        Delivery redelivery = new Delivery(UUID.randomUUID().toString(), original.triggerId(),
                triggers.nextDeliverySeq(original.triggerId()), original.event(), Delivery.Status.Pending, 0, now, null,
                null, null, now, now, null, original.id());
        deliveries.insertIfAbsent(redelivery);
        triggers.wake(original.triggerId(), now);
        worker.wake();
        return redelivery;
    }
}
