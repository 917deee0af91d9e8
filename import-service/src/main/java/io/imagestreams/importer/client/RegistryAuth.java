package io.imagestreams.importer.client;

import java.time.Duration;
import java.util.Optional;

/**
 * How a registry has asked this service to authenticate since it started: what its last challenge said, and how
 * long the tokens of its token service last.
 *
 * @param registry      the registry's request authority ({@code host[:port]}; Docker Hub's is
 *                      {@code registry-1.docker.io})
 * @param scheme        what the registry asks for
 * @param tokenService  the authority of the bearer challenge's {@code realm} (e.g. {@code auth.docker.io}), null
 *                      for other schemes
 * @param tokenLifetime the lifetime of the last token the token service issued (its {@code expires_in}, or the
 *                      distribution token spec's 60 s when it gave none), null before the first token
 */
public record RegistryAuth(String registry, Scheme scheme, String tokenService, Duration tokenLifetime) {

    public enum Scheme {
        /** Bearer tokens from a token service, cached per repository and credentials until shortly before they expire. */
        BEARER,
        /** HTTP basic credentials on every request: no extra requests. */
        BASIC,
        /** The registry answered without ever challenging. */
        NONE
    }

    public Optional<Duration> learnedTokenLifetime() {
        return Optional.ofNullable(tokenLifetime);
    }

    /**
     * How long the token cache uses a token of {@code lifetime} before it asks for a new one: the lifetime less a
     * tenth of it, at most 30 s (so a token never expires on its way to the registry).
     */
    public static Duration tokenReuse(Duration lifetime) {
        return TokenCache.usable(lifetime);
    }
}
