package io.imagestreams.prune.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: real time until a test moves it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now != null ? now : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Stops the clock at the current time and moves it on by {@code duration}. */
    public void advance(Duration duration) {
        fixed.set(instant().plus(duration));
    }

    /** Back to real time. */
    public void reset() {
        fixed.set(null);
    }
}
