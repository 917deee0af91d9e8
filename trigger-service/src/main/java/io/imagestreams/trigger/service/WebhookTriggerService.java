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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook trigger registrations and what queues their deliveries: a tag moving, a new registration for a tag
 * that already has an image, {@code fire} and {@code resume}. A trigger with a minimum image age queues a younger
 * image held until it is old enough (the delivery worker releases it); {@code fire} is never held.
 */
@ApplicationScoped
public class WebhookTriggerService {

    private final WebhookTriggerRepository triggers;
    private final DeliveryRepository deliveries;
    private final TagImageRepository tagImages;
    private final WebhookSecrets secrets;
    private final TargetPolicy targetPolicy;
    private final DeliveryWorker worker;
    private final MinImageAge minImageAge;
    private final Clock clock;

    public WebhookTriggerService(WebhookTriggerRepository triggers, DeliveryRepository deliveries,
            TagImageRepository tagImages, WebhookSecrets secrets, TargetPolicy targetPolicy, DeliveryWorker worker,
            MinImageAge minImageAge, Clock clock) {
        this.triggers = triggers;
        this.deliveries = deliveries;
        this.tagImages = tagImages;
        this.secrets = secrets;
        this.targetPolicy = targetPolicy;
        this.worker = worker;
        this.minImageAge = minImageAge;
        this.clock = clock;
    }

    /** A registration just made, with its secret in clear: the only time the secret is shown. */
    public record Created(WebhookTrigger trigger, String secret) {
    }

    public Created create(TriggerRequest request) {
        TriggerValidation.validateFrom(request.from());
        URI url = TriggerValidation.validateUrl(request.webhook());
        Duration minAge = TriggerValidation.validateMinImageAge(request.minImageAge());
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
                request.from().name(), url.toString(), secrets.seal(secret), paused, minAge, now, now, null, null, null, 0);
        triggers.insert(trigger);
        if (!paused) {
            queueCurrentImage(trigger, Reason.TRIGGER_CREATED);
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
        Duration minAge = TriggerValidation.validateMinImageAge(request.minImageAge());
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
                secret == null ? null : secrets.seal(secret), Boolean.TRUE.equals(request.paused()), minAge, tagChanged, now)
                .orElseThrow(() -> ApiException.notFound("trigger " + id + " not found"));
        if (tagChanged) {
            deliveries.cancelPending(id, now);
            if (!updated.paused()) {
                queueCurrentImage(updated, Reason.TRIGGER_CREATED);
            }
        } else if (!minAge.equals(existing.minImageAge()) && triggers.regatePending(id, minAge, now)) {
            minImageAge.held(MinImageAge.Trigger.WEBHOOK);
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

    /**
     * Resumes; the tag's current image is queued when it differs from the last one queued. An image held while
     * paused is delivered once it is old enough (at once if it is already).
     */
    public WebhookTrigger resume(String id) {
        WebhookTrigger trigger = triggers.setPaused(id, false, clock.instant())
                .orElseThrow(() -> ApiException.notFound("trigger " + id + " not found"));
        queueCurrentImage(trigger, Reason.RESUMED);
        worker.wake();
        return find(id);
    }

    /**
     * Delivers the tag's current image now, even if it was delivered before or is younger than the minimum age.
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
        if (triggers.enqueue(id, event, null, null, true, clock.instant()).isEmpty()) {
            throw ApiException.conflict("trigger " + id + " changed meanwhile; try again");
        }
        worker.wake();
        return event.eventId();
    }

    /** A tag has a new current image: every active trigger of it queues the image unless it just did. */
    public int onTagImage(TagImage tag) {
        int queued = 0;
        for (WebhookTrigger trigger : triggers.findActiveFor(tag.namespace(), tag.istagName())) {
            if (queue(trigger, tag, Reason.TAG_UPDATED, tag.updatedAt())) {
                queued++;
            }
        }
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    private void queueCurrentImage(WebhookTrigger trigger, Reason reason) {
        currentImage(trigger).ifPresent(tag -> {
            if (queue(trigger, tag, reason, clock.instant())) {
                worker.wake();
            }
        });
    }

    /** Queues the tag's image, held when it is younger than the trigger's minimum age; true when queued. */
    private boolean queue(WebhookTrigger trigger, TagImage tag, Reason reason, Instant occurredAt) {
        Instant now = clock.instant();
        DeliveryEvent event = DeliveryEvent.of(UUID.randomUUID().toString(), reason, tag, occurredAt);
        Optional<Instant> holdUntil = MinImageAge.holdUntil(trigger.minImageAge(), tag.ageFrom(), now);
        Optional<WebhookTrigger> before = triggers.enqueue(trigger.id(), event, tag.ageFrom(), holdUntil.orElse(null), false, now);
        if (before.isEmpty()) {
            return false;
        }
        if (before.get().pendingHold() != null) {
            minImageAge.superseded(MinImageAge.Trigger.WEBHOOK);
        }
        holdUntil.ifPresent(until -> minImageAge.held(MinImageAge.Trigger.WEBHOOK));
        return true;
    }

    private Optional<TagImage> currentImage(WebhookTrigger trigger) {
        return tagImages.find(trigger.namespace(), trigger.stream(), trigger.tag()).filter(t -> t.pullSpec() != null);
    }
}
