package io.imagestreams.trigger.repository;

import java.time.Instant;

/**
 * A webhook registered for an image stream tag.
 *
 * @param storedSecret   the signing secret as stored (encrypted when a key is configured); never leaves the service
 * @param lastPullSpec   the last image queued for delivery: the same pull spec is not queued twice in a row
 * @param pending        an event waiting to become a delivery; a newer one replaces it
 * @param version        bumped by every change that gives the delivery worker something to do
 */
public record WebhookTrigger(String id, String namespace, String istag, String url, String storedSecret, boolean paused,
        Instant createdAt, Instant updatedAt, String lastPullSpec, DeliveryEvent pending, long version) {

    public String stream() {
        return istag.substring(0, istag.indexOf(':'));
    }

    public String tag() {
        return istag.substring(istag.indexOf(':') + 1);
    }
}
