package io.imagestreams.stream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Answers are kept for their own TTL, bounded in number, the least recently used dropped first. */
class DecisionCacheTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void keepsAllowedAndDeniedAnswersEachForItsOwnTime() {
        // given
        DecisionCache<String> cache = new DecisionCache<>(Duration.ofSeconds(10), Duration.ofSeconds(5), 100, now::get);
        cache.put("allowed", Decision.ALLOW);
        cache.put("denied", Decision.DENY);

        // when / then
        now.set(Duration.ofSeconds(4).toNanos());
        assertThat(cache.get("allowed")).isEqualTo(Decision.ALLOW);
        assertThat(cache.get("denied")).isEqualTo(Decision.DENY);
        now.set(Duration.ofSeconds(5).toNanos());
        assertThat(cache.get("denied")).isNull();
        assertThat(cache.get("allowed")).isEqualTo(Decision.ALLOW);
        now.set(Duration.ofSeconds(10).toNanos());
        assertThat(cache.get("allowed")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsSize() {
        // given
        DecisionCache<String> cache = new DecisionCache<>(Duration.ofSeconds(10), Duration.ofSeconds(10), 2, now::get);
        cache.put("a", Decision.ALLOW);
        cache.put("b", Decision.ALLOW);
        cache.get("a");

        // when
        cache.put("c", Decision.DENY);

        // then
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo(Decision.ALLOW);
        assertThat(cache.get("c")).isEqualTo(Decision.DENY);
    }

    @Test
    void aZeroTtlKeepsNothing() {
        DecisionCache<String> cache = new DecisionCache<>(Duration.ZERO, Duration.ofSeconds(10), 10, now::get);
        cache.put("a", Decision.ALLOW);
        assertThat(cache.get("a")).isNull();
    }
}
