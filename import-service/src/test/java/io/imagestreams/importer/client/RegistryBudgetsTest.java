package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryBudgetsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final RegistryBudgets budgets = new RegistryBudgets(clock);

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void readsDockerHubStyleRateLimitHeaders() {
        // when
        Optional<Duration> blocked = budgets.record("registry-1.docker.io", 200,
                headers(Map.of("ratelimit-limit", "100;w=21600", "ratelimit-remaining", "76;w=21600",
                        "ratelimit-reset", "3600")));

        // then
        assertThat(blocked).isEmpty();
        RegistryBudget budget = budgets.budget("registry-1.docker.io").orElseThrow();
        assertThat(budget.limit()).hasValue(100);
        assertThat(budget.window()).isEqualTo(Duration.ofHours(6));
        assertThat(budget.remaining()).hasValue(76);
        assertThat(budget.resetAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(budget.blockedUntil()).isNull();
    }

    @Test
    void theWindowMayComeFromTheRateLimitPolicyHeader() {
        // when
        budgets.record("registry.example", 200, headers(Map.of("RateLimit-Limit", "500",
                "RateLimit-Policy", "500;w=3600, 5000;w=86400", "RateLimit-Remaining", "499")));

        // then: the policy in force is the first
        RegistryBudget budget = budgets.budget("registry.example").orElseThrow();
        assertThat(budget.limit()).hasValue(500);
        assertThat(budget.window()).isEqualTo(Duration.ofHours(1));
        assertThat(budget.remaining()).hasValue(499);
    }

    @Test
    void retryAfterAsAnHttpDateBlocksUntilThen() {
        // when
        Optional<Duration> blocked = budgets.record("quay.io", 429,
                headers(Map.of("Retry-After", "Mon, 23 Nov 2026 10:05:00 GMT")));

        // then
        assertThat(blocked).contains(Duration.ofMinutes(5));
        assertThat(budgets.blockedFor("quay.io")).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(budgets.blockedFor("quay.io")).isEmpty();
    }

    @Test
    void retryAfterOnlyBlocksOnTooManyRequestsOrUnavailable() {
        // when
        Optional<Duration> blocked = budgets.record("quay.io", 301, headers(Map.of("Retry-After", "60")));

        // then
        assertThat(blocked).isEmpty();
        assertThat(budgets.blockedFor("quay.io")).isEmpty();
        assertThat(budgets.record("quay.io", 503, headers(Map.of("Retry-After", "60")))).contains(Duration.ofSeconds(60));
    }
}
