package io.imagestreams.importer.client;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What a registry told us about its rate limit, as of {@code updatedAt}.
 *
 * @param registry     the registry host ({@code host[:port]}) the requests went to
 * @param limit        {@code RateLimit-Limit}: requests allowed per window, if the registry said
 * @param window       the window the limit applies to, if the registry said ({@code w=} of {@code RateLimit-Limit},
 *                     {@code RateLimit-Remaining} or {@code RateLimit-Policy}, e.g. Docker Hub's {@code 100;w=21600}),
 *                     else null
 * @param remaining    {@code RateLimit-Remaining}: requests left in the window, if the registry said
 * @param resetAt      when the window resets ({@code RateLimit-Reset}), or null
 * @param blockedUntil until when the registry asked us to stay away ({@code Retry-After} on 429/503), or null
 * @param updatedAt    when a response last updated this budget
 */
public record RegistryBudget(String registry, OptionalLong limit, Duration window, OptionalLong remaining,
        Instant resetAt, Instant blockedUntil, Instant updatedAt) {

    static RegistryBudget empty(String registry, Instant now) {
        return new RegistryBudget(registry, OptionalLong.empty(), null, OptionalLong.empty(), null, null, now);
    }

    /** Whether requests to this registry must wait at {@code now}. */
    public boolean isBlockedAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now);
    }
}
