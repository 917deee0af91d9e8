package io.imagestreams.importer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * import-service settings under {@code imagestreams.*} (DESIGN §8): one mapping for the whole service, one nested
 * group per concern. Every key has a default or is optional, so the service starts with no {@code imagestreams.*}
 * key set.
 */
@ConfigMapping(prefix = "imagestreams")
public interface ImportServiceConfig {

    /** How registries are reached: target policy, insecure registries, limits and timeouts. */
    RegistriesConfig registries();

    interface RegistriesConfig {

        /**
         * Registry host patterns imports may reach ({@code quay.io}, {@code *.example.com}, {@code host:port}); a
         * pattern without a port matches every port. Unset or empty: every host the address rules do not refuse.
         */
        Optional<List<String>> allowed();

        /** Registry host patterns (as {@link #allowed()}) reached over plain HTTP or unverified TLS. */
        Optional<List<String>> insecure();

        /**
         * Address ranges refused on top of the built-in ones (link-local incl. cloud metadata addresses,
         * unspecified, multicast), e.g. {@code 10.0.0.0/8}.
         */
        Optional<List<String>> blockedCidrs();

        /**
         * Address ranges allowed even inside a refused range. The most specific range wins; between ranges of
         * the same size a configured one beats a built-in one and a refusal beats an allowance (so
         * {@code 169.254.10.0/24} allows a link-local registry, but only {@code 169.254.169.254/32} itself allows
         * the metadata address).
         */
        Optional<List<String>> allowedCidrs();

        /** Requests in flight at once to one registry host; more wait in line (fairly). */
        @WithDefault("8")
        int maxConcurrentPerRegistry();

        /** TCP connect timeout for registry and token service requests. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long one registry request may take until its response headers arrive. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** {@code os/arch[/variant]} a {@code Legacy} import picks from a manifest list when the tag prefers none. */
        @WithDefault("linux/amd64")
        String defaultPlatform();

        /** Tags asked for per {@code tags/list} page. */
        @WithDefault("100")
        int tagsPageSize();
    }

    Lookups lookups();

    Schedules schedules();

    Credentials credentials();

    Notifications notifications();

    /** Synchronous lookups ({@code ImageStreamImport}) and imports. */
    interface Lookups {
        /** How many tags of a repository one {@code spec.repository} import brings at most (OpenShift: 50; -1 = all). */
        @WithDefault("50")
        int maxRepositoryTags();

        /** How many images one lookup or import request fetches at once. */
        @WithDefault("8")
        int parallelism();
    }

    /** Scheduled re-import of tags with {@code importPolicy.scheduled}. */
    interface Schedules {
        /** Off turns scheduled checks off (push notifications then do nothing either). */
        @WithDefault("true")
        boolean enabled();

        /** How often a scheduled tag is checked (OpenShift: 15 minutes at best). */
        @WithDefault("15m")
        Duration interval();

        /** At most this many checks start per minute, over all tags and replicas of this one. */
        @WithDefault("600")
        int maxChecksPerMinute();

        /** How long a claimed check stays with the replica that claimed it before another may take it over. */
        @WithDefault("2m")
        Duration lease();

        /** How often due tags are looked for when nothing wakes the scheduler earlier. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    /** Pull credentials, kept encrypted. */
    interface Credentials {
        /**
         * The AES-256 key (base64 of 32 bytes) credentials are encrypted with at rest. Without one, credentials are
         * refused rather than stored in the clear.
         */
        Optional<String> encryptionKey();
    }

    /** Registry push notifications ({@code /api/v1/registry-events}). */
    interface Notifications {
        /** The shared secret a registry sends as {@code Authorization: Bearer <secret>}; without one every notification is refused. */
        Optional<String> secret();
    }
}
