package io.imagestreams.trigger.service;

import io.imagestreams.trigger.client.TargetPolicy;
import io.imagestreams.trigger.repository.DeliveryEvent;
import io.imagestreams.trigger.repository.DeliveryEvent.Reason;
import io.imagestreams.trigger.repository.DeliveryRepository;
import io.imagestreams.trigger.repository.TagImage;
import io.imagestreams.trigger.repository.TagImageRepository;
import io.imagestreams.trigger.repository.WebhookTrigger;
import io.imagestreams.trigger.repository.WebhookTriggerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook trigger registrations and what queues their deliveries: a tag moving, a new registration for a tag
 * that already has an image, {@code fire} and {@code resume}.
 */
@ApplicationScoped
public class WebhookTriggerService {

    private final WebhookTriggerRepository triggers;
    private final DeliveryRepository deliveries;
    private final TagImageRepository tagImages;
    private final WebhookSecrets secrets;
    private final TargetPolicy targetPolicy;
    private final DeliveryWorker worker;
    private final Clock clock;

    public WebhookTriggerService(WebhookTriggerRepository triggers, DeliveryRepository deliveries,
            TagImageRepository tagImages, WebhookSecrets secrets, TargetPolicy targetPolicy, DeliveryWorker worker,
            Clock clock) {
        this.triggers = triggers;
        this.deliveries = deliveries;
        this.tagImages = tagImages;
        this.secrets = secrets;
        this.targetPolicy = targetPolicy;
        this.worker = worker;
        this.clock = clock;
    }

    /** A registration just made, with its secret in clear: the only time the secret is shown. */
    public record Created(WebhookTrigger trigger, String secret) {
    }

    public Created create(TriggerRequest request) {
        TriggerValidation.validateFrom(request.from());
        URI url = TriggerValidation.validateUrl(request.webhook());
        String secret = request.webhook().secret();
        if (secret == null) {
            secret = secrets.generate();
        } else {
            secrets.validate(secret, "webhook.secret");
        }
        TriggerValidation.checkTarget(targetPolicy, url);
        Instant now = clock.instant();
        boolean paused = Boolean.TRUE.equals(request.paused());
        WebhookTrigger trigger = new WebhookTrigger(UUID.randomUUID().toString(), request.from().namespace(),
                request.from().name(), url.toString(), secrets.seal(secret), paused, now, now, null, null, 0);
        triggers.insert(trigger);
        if (!paused) {
            queueCurrentImage(trigger, Reason.TRIGGER_CREATED, false);
        }
        return new Created(find(trigger.id()), secret);
    }

    public WebhookTrigger find(String id) {
        return triggers.find(id).orElseThrow(() -> ApiException.notFound("trigger " + id + " not found"));
    }

    public List<WebhookTrigger> list(String namespace) {
        return triggers.list(namespace);
    }

    /** Replaces a registration; an omitted secret keeps the stored one. */
    public WebhookTrigger update(String id, TriggerRequest request) {
        TriggerValidation.validateFrom(request.from());
        URI url = TriggerValidation.validateUrl(request.webhook());
        String secret = request.webhook().secret();
        if (secret != null) {
            secrets.validate(secret, "webhook.secret");
        }
        TriggerValidation.checkTarget(targetPolicy, url);
        WebhookTrigger existing = find(id);
        boolean tagChanged = !existing.namespace().equals(request.from().namespace())
                || !existing.istag().equals(request.from().name());
        Instant now = clock.instant();
        WebhookTrigger updated = triggers.update(id, request.from().namespace(), request.from().name(), url.toString(),
                secret == null ? null : secrets.seal(secret), Boolean.TRUE.equals(request.paused()), tagChanged, now)
                .orElseThrow(() -> ApiException.notFound("trigger " + id + " not found"));
        if (tagChanged) {
            deliveries.cancelPending(id, now);
            if (!updated.paused()) {
                queueCurrentImage(updated, Reason.TRIGGER_CREATED, false);
            }
        }
        worker.wake();
        return find(id);
    }

    public void delete(String id) {
        if (!triggers.delete(id)) {
            throw ApiException.notFound("trigger " + id + " not found");
        }
        deliveries.cancelPending(id, clock.instant());
    }

    public WebhookTrigger pause(String id) {
        return triggers.setPaused(id, true, clock.instant())
                .orElseThrow(() -> ApiException.notFound("trigger " + id + " not found"));
    }

    /** Resumes; the tag's current image is queued when it differs from the last one queued. */
    public WebhookTrigger resume(String id) {
        WebhookTrigger trigger = triggers.setPaused(id, false, clock.instant())
                .orElseThrow(() -> ApiException.notFound("trigger " + id + " not found"));
        queueCurrentImage(trigger, Reason.RESUMED, false);
        worker.wake();
        return find(id);
    }

    /**
     * Delivers the tag's current image now, even if it was delivered before.
     *
     * @return the id of the delivery queued
     */
    public String fire(String id) {
        WebhookTrigger trigger = find(id);
        if (trigger.paused()) {
            throw ApiException.conflict("trigger " + id + " is paused; resume it first");
        }
        TagImage tag = currentImage(trigger).orElseThrow(() -> ApiException.conflict(
                "image stream tag " + trigger.namespace() + "/" + trigger.istag() + " has no image yet"));
        DeliveryEvent event = DeliveryEvent.of(UUID.randomUUID().toString(), Reason.FIRED, tag, clock.instant());
        if (!triggers.enqueue(id, event, true, clock.instant())) {
            throw ApiException.conflict("trigger " + id + " changed meanwhile; try again");
        }
        worker.wake();
        return event.eventId();
    }

    /** A tag has a new current image: every active trigger of it queues the image unless it just did. */
    public int onTagImage(TagImage tag) {
        int queued = 0;
        for (WebhookTrigger trigger : triggers.findActiveFor(tag.namespace(), tag.istagName())) {
            DeliveryEvent event = DeliveryEvent.of(UUID.randomUUID().toString(), Reason.TAG_UPDATED, tag, tag.updatedAt());
            if (triggers.enqueue(trigger.id(), event, false, clock.instant())) {
                queued++;
            }
        }
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    private void queueCurrentImage(WebhookTrigger trigger, Reason reason, boolean force) {
        currentImage(trigger).ifPresent(tag -> {
            DeliveryEvent event = DeliveryEvent.of(UUID.randomUUID().toString(), reason, tag, clock.instant());
            if (triggers.enqueue(trigger.id(), event, force, clock.instant())) {
                worker.wake();
            }
        });
    }

    private Optional<TagImage> currentImage(WebhookTrigger trigger) {
        return tagImages.find(trigger.namespace(), trigger.stream(), trigger.tag()).filter(t -> t.pullSpec() != null);
    }
}
