package io.imagestreams.trigger.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.trigger.testing.Configs;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Configs.with(Map.of()));

    @Test
    void doublesFromOneSecondUpToSixtySeconds() {
        assertThat(backoff.exponential(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.exponential(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.exponential(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.exponential(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.exponential(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsByTwentyPercent() {
        assertThat(backoff.withJitter(Duration.ofSeconds(10), 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.withJitter(Duration.ofSeconds(10), 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.longest(3)).isEqualTo(Duration.ofMillis(4800));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.after(3, Optional.empty())).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
        }
    }

    @Test
    void retryAfterWinsOnlyWhenLonger() {
        assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(7, Optional.of(Duration.ofSeconds(1)))).isGreaterThan(Duration.ofSeconds(40));
    }
}
