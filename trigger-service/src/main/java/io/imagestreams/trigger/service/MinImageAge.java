package io.imagestreams.trigger.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The minimum image age gate both kinds of triggers share: an image whose age (counted from
 * {@link io.imagestreams.trigger.repository.TagImage#ageFrom()}) is below the minimum is held until it is that old,
 * and the counts of images held, released once old enough, and superseded by a newer image while held.
 */
@ApplicationScoped
public class MinImageAge {

    /** Which kind of trigger held an image, as the metric tags it. */
    public enum Trigger {
        WEBHOOK("webhook"), WORKLOAD("workload");

        private final String tag;

        Trigger(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public MinImageAge(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * When an image whose age counts from {@code ageFrom} may fire, if that is after {@code now}; empty when it may
     * fire now (also when there is no minimum).
     */
    public static Optional<Instant> holdUntil(Duration minimum, Instant ageFrom, Instant now) {
        if (minimum.isZero() || ageFrom == null) {
            return Optional.empty();
        }
        Instant notBefore = ageFrom.plus(minimum);
        return notBefore.isAfter(now) ? Optional.of(notBefore) : Optional.empty();
    }

    public void held(Trigger trigger) {
        counter(trigger, "held").increment();
    }

    public void released(Trigger trigger) {
        counter(trigger, "released").increment();
    }

    public void superseded(Trigger trigger) {
        counter(trigger, "superseded").increment();
    }

    private Counter counter(Trigger trigger, String outcome) {
        return Counter.builder("imagestreams.min.image.age")
                .description("images held by a minimum image age, released once old enough, or superseded while held")
                .tag("trigger", trigger.tag).tag("outcome", outcome).register(registry);
    }
}
