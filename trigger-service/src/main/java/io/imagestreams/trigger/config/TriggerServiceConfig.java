package io.imagestreams.trigger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code imagestreams.*} setting of trigger-service; all have defaults, so the service starts with none set. */
@ConfigMapping(prefix = "imagestreams")
public interface TriggerServiceConfig {

    Kubernetes kubernetes();

    Webhooks webhooks();

    interface Kubernetes {

        /** Workload triggers need a cluster; off by default (the local suite has none). */
        @WithDefault("false")
        boolean enabled();

        /** Namespaces whose workloads are watched; empty = all namespaces. */
        Optional<List<String>> namespaces();

        /** Delay before retrying a failed workload patch; doubles per failure up to {@link #maxRetryDelay()}. */
        @WithDefault("2s")
        Duration retryDelay();

        @WithDefault("30s")
        Duration maxRetryDelay();
    }

    interface Webhooks {

        /** Attempts per delivery, the first included, before it is dead-lettered. */
        @WithDefault("8")
        int maxAttempts();

        /** Delay after the first failed attempt; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("60s")
        Duration maxBackoff();

        /** Random spread applied to each backoff, as a fraction (0.2 = ±20 %). */
        @WithDefault("0.2")
        double jitter();

        /** Connect and response timeout of one attempt. */
        @WithDefault("10s")
        Duration timeout();

        /** How often the delivery worker looks for due deliveries (new ones also wake it at once); at least 1 s. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Triggers whose deliveries are sent at the same time by one replica. */
        @WithDefault("8")
        int concurrency();

        /**
         * AES key (base64 of 16, 24 or 32 bytes) that encrypts webhook secrets at rest. Without it secrets are
         * stored as given (still never returned or logged).
         */
        Optional<String> secretEncryptionKey();

        Targets targets();
    }

    /**
     * Which webhook hosts may be called. By default public, private-range and loopback addresses are allowed;
     * link-local (incl. cloud metadata), unspecified and multicast addresses are refused.
     */
    interface Targets {

        /** CIDRs allowed even when a blocked range (built in or configured) contains them. */
        Optional<List<String>> allowedCidrs();

        /** CIDRs refused in addition to the built-in ones. */
        Optional<List<String>> blockedCidrs();

        /** Host name patterns ({@code *.example.com} or exact) allowed whatever they resolve to. */
        Optional<List<String>> allowedHosts();

        /** Host name patterns refused. */
        Optional<List<String>> blockedHosts();
    }
}
