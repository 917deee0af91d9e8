package io.imagestreams.trigger.repository;

import java.time.Instant;

/**
 * One webhook delivery and its attempts.
 *
 * @param seq          order within the trigger: deliveries of a trigger are sent one after the other in this order
 * @param redeliveryOf the delivery this one repeats, or {@code null}
 */
public record Delivery(String id, String triggerId, long seq, DeliveryEvent event, Status status, int attempts,
        Instant nextAttemptAt, Integer lastStatusCode, Long lastLatencyMs, String lastError, Instant createdAt,
        Instant updatedAt, Instant deliveredAt, String redeliveryOf) {

    /** Where a delivery stands. */
    public enum Status {
        /** waiting for its (next) attempt */
        Pending,
        /** the receiver answered 2xx */
        Delivered,
        /** dead letter: attempts exhausted, a non-retryable answer, or a refused target */
        Failed,
        /** a newer image for the same trigger replaced it before it was delivered */
        Superseded,
        /** its trigger was deleted or re-pointed before it was delivered */
        Cancelled
    }
}
