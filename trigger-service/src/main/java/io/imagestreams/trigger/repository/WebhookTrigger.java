package io.imagestreams.trigger.repository;

import java.time.Duration;
import java.time.Instant;

/**
 * A webhook registered for an image stream tag.
 *
 * @param storedSecret   the signing secret as stored (encrypted when a key is configured); never leaves the service
 * @param minImageAge    how old an image must be before it is delivered; {@link Duration#ZERO} = no gate
 * @param lastPullSpec   the last image queued for delivery: the same pull spec is not queued twice in a row
 * @param pending        an event waiting to become a delivery; a newer one replaces it
 * @param pendingHold    when {@link #pending} is held by the minimum image age: where its age counts from and when it
 *                       may be delivered; {@code null} otherwise
 * @param version        bumped by every change that gives the delivery worker something to do
 */
public record WebhookTrigger(String id, String namespace, String istag, String url, String storedSecret, boolean paused,
        Duration minImageAge, Instant createdAt, Instant updatedAt, String lastPullSpec, DeliveryEvent pending,
        Hold pendingHold, long version) {

    public String stream() {
        return istag.substring(0, istag.indexOf(':'));
    }

    public String tag() {
        return istag.substring(istag.indexOf(':') + 1);
    }

    /**
     * A queued image younger than the trigger's minimum age.
     *
     * @param ageFrom   where the image's age counts from ({@link TagImage#ageFrom()})
     * @param notBefore {@code ageFrom} plus the minimum age: the image is delivered from then on
     */
    public record Hold(Instant ageFrom, Instant notBefore) {
    }
}
