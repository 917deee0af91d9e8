package io.imagestreams.importer.client;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * What a registry told us about its rate limit, as of {@code updatedAt}.
 *
 * @param registry     the registry host ({@code host[:port]}) the requests went to
 * @param limit        {@code RateLimit-Limit}: requests allowed per window, if the registry said
 * @param remaining    {@code RateLimit-Remaining}: requests left in the window, if the registry said
 * @param resetAt      when the window resets ({@code RateLimit-Reset}), or null
 * @param blockedUntil until when the registry asked us to stay away ({@code Retry-After} on 429/503), or null
 * @param updatedAt    when a response last updated this budget
 */
public record RegistryBudget(String registry, OptionalLong limit, OptionalLong remaining, Instant resetAt,
        Instant blockedUntil, Instant updatedAt) {

    static RegistryBudget empty(String registry, Instant now) {
        return new RegistryBudget(registry, OptionalLong.empty(), OptionalLong.empty(), null, null, now);
    }

    /** Whether requests to this registry must wait at {@code now}. */
    public boolean isBlockedAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now);
    }
}
