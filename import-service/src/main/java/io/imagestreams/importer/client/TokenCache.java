package io.imagestreams.importer.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Registry bearer tokens by (registry, scope, credential identity), kept until shortly before they expire. The
 * identity is a hash of the credentials, so the cache never holds a password; tokens are never logged.
 */
final class TokenCache {

    /** Whoever asked without credentials. */
    static final String ANONYMOUS = "";
    /** Registries that give no {@code expires_in} mean 60 s (the distribution token spec's default). */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    /** The most we give up of a token's life, so a token never expires on its way to the registry. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    record Key(String registry, String scope, String identity) {
        @Override
        public String toString() {
            return "Key[registry=" + registry + ", scope=" + scope + "]";
        }
    }

    private record Entry(String token, Instant usableUntil) {
    }

    private final ConcurrentMap<Key, Entry> tokens = new ConcurrentHashMap<>();
    /** The lifetime of the last token each registry's token service issued. */
    private final ConcurrentMap<String, Duration> lifetimes = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    Optional<String> get(Key key) {
        Entry entry = tokens.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.usableUntil())) {
            tokens.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /** Keeps {@code token} for {@code lifetime} less a margin of a tenth of it (at most 30 s). */
    void put(Key key, String token, Duration lifetime) {
        lifetimes.put(key.registry(), lifetime);
        Duration usable = usable(lifetime);
        if (!usable.isNegative() && !usable.isZero()) {
            tokens.put(key, new Entry(token, clock.instant().plus(usable)));
        }
    }

    /** How long a token of {@code lifetime} is used: its lifetime less a tenth of it (at most 30 s). */
    static Duration usable(Duration lifetime) {
        Duration margin = lifetime.dividedBy(10);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        return lifetime.minus(margin);
    }

    /** The lifetime of the last token issued for {@code registry} (its {@code expires_in}, else the spec's 60 s). */
    Optional<Duration> lifetime(String registry) {
        return Optional.ofNullable(lifetimes.get(registry));
    }

    void invalidate(Key key) {
        tokens.remove(key);
    }

    /** A stable identity for credentials: a SHA-256 of user and password, never the password itself. */
    static String identity(ImportOptions.BasicCredentials credentials) {
        if (credentials == null) {
            return ANONYMOUS;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(credentials.username().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(credentials.password().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
