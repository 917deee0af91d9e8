package io.imagestreams.trigger.service;

import io.imagestreams.trigger.config.TriggerServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Delay before a webhook delivery's next attempt: exponential with jitter; a longer {@code Retry-After} wins. */
@ApplicationScoped
public class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;

    public Backoff(TriggerServiceConfig config) {
        this.initial = config.webhooks().initialBackoff();
        this.max = config.webhooks().maxBackoff();
        this.jitter = config.webhooks().jitter();
    }

    /** The delay after {@code failedAttempts} (≥ 1) failed attempts. */
    public Duration after(int failedAttempts, Optional<Duration> retryAfter) {
        Duration delay = withJitter(exponential(failedAttempts), ThreadLocalRandom.current().nextDouble());
        return retryAfter.filter(r -> r.compareTo(delay) > 0).orElse(delay);
    }

    /** {@code initial · 2^(n-1)}, capped. */
    Duration exponential(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Spreads {@code delay} by ±jitter; {@code unit} in [0, 1) picks the point. */
    Duration withJitter(Duration delay, double unit) {
        double factor = 1 + jitter * (2 * unit - 1);
        return Duration.ofMillis(Math.max(0, Math.round(delay.toMillis() * factor)));
    }

    /** The longest delay the jitter can give after {@code failedAttempts} (tests move the clock this far). */
    public Duration longest(int failedAttempts) {
        return withJitter(exponential(failedAttempts), 1.0);
    }
}
