package io.imagestreams.importer.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rate-limit budgets per registry host, learned from response headers: {@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} (Docker Hub's {@code ratelimit-*} are the same headers,
 * values like {@code 100;w=21600}, where {@code w} is the window in seconds; {@code RateLimit-Policy} may name it
 * too), and {@code Retry-After} on 429/503, which blocks the registry until then.
 */
@ApplicationScoped
public class RegistryBudgets {

    /** {@code RateLimit-Reset} above this is read as epoch seconds rather than seconds from now. */
    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    private final ConcurrentMap<String, RegistryBudget> budgets = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    RegistryBudgets(Instance<Clock> clock) {
        this(clock.isResolvable() ? clock.get() : Clock.systemUTC());
    }

    public RegistryBudgets(Clock clock) {
        this.clock = clock;
    }

    /** The budget of one registry host, if it ever answered. */
    public Optional<RegistryBudget> budget(String registry) {
        return Optional.ofNullable(budgets.get(registry));
    }

    /** Every registry's budget, by host. */
    public Map<String, RegistryBudget> all() {
        return new TreeMap<>(budgets);
    }

    /** How long {@code registry} is still blocked, if it is. */
    public Optional<Duration> blockedFor(String registry) {
        Instant now = clock.instant();
        RegistryBudget budget = budgets.get(registry);
        if (budget == null || !budget.isBlockedAt(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, budget.blockedUntil()));
    }

    /**
     * Reads the rate-limit headers of a response; for a 429 or 503 with {@code Retry-After} blocks the registry
     * and returns how long.
     */
    public Optional<Duration> record(String registry, int status, HttpHeaders headers) {
        Instant now = clock.instant();
        OptionalLong limit = leadingNumber(headers.firstValue("RateLimit-Limit"));
        OptionalLong remaining = leadingNumber(headers.firstValue("RateLimit-Remaining"));
        OptionalLong reset = leadingNumber(headers.firstValue("RateLimit-Reset"));
        Optional<Duration> window = window(headers.firstValue("RateLimit-Limit"))
                .or(() -> window(headers.firstValue("RateLimit-Policy")))
                .or(() -> window(headers.firstValue("RateLimit-Remaining")));
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? retryAfter(headers.firstValue("Retry-After"), now) : Optional.empty();
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty() && retryAfter.isEmpty()) {
            return Optional.empty();
        }
        budgets.compute(registry, (key, old) -> {
            RegistryBudget base = old == null ? RegistryBudget.empty(key, now) : old;
            Instant resetAt = reset.isPresent() ? resetInstant(reset.getAsLong(), now) : base.resetAt();
            Instant blockedUntil = retryAfter.map(now::plus).orElse(base.blockedUntil());
            return new RegistryBudget(key, limit.isPresent() ? limit : base.limit(), window.orElse(base.window()),
                    remaining.isPresent() ? remaining : base.remaining(), resetAt, blockedUntil, now);
        });
        return retryAfter;
    }

    private static Instant resetInstant(long value, Instant now) {
        return value > EPOCH_SECONDS_THRESHOLD ? Instant.ofEpochSecond(value) : now.plusSeconds(value);
    }

    /** {@code Retry-After}: delay seconds or an HTTP date; never negative. */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** The {@code w=} parameter (seconds) of the policy in force ({@code 100;w=21600} is 6 hours), if any. */
    static Optional<Duration> window(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        int comma = value.indexOf(',');
        String first = comma < 0 ? value : value.substring(0, comma);
        for (String parameter : first.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("w")) {
                try {
                    long seconds = Long.parseLong(pair[1].trim());
                    return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The number before any {@code ;} parameters ({@code 100;w=21600} is 100). */
    private static OptionalLong leadingNumber(Optional<String> header) {
        if (header.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = header.get();
        int end = value.indexOf(';');
        String number = (end < 0 ? value : value.substring(0, end)).trim();
        // a list of policies (`100, 100;w=3600`) starts with the one in force
        int comma = number.indexOf(',');
        if (comma >= 0) {
            number = number.substring(0, comma).trim();
        }
        try {
            return OptionalLong.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
