package io.imagestreams.prune.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** prune-service settings under {@code imagestreams.*} (DESIGN §8). */
@ConfigMapping(prefix = "imagestreams")
public interface PruneServiceConfig {

    /** Reading workloads for the in-use check. */
    Kubernetes kubernetes();

    /** The grace period in which a confirmed run can be undone. */
    Undo undo();

    /** The optional managed registry whose manifests are deleted for deleted images. */
    Registry registry();

    /** The queue of commands to stream-service. */
    Outbox outbox();

    /**
     * How long a confirmed run waits for the outcomes of its commands; then it fails, naming the commands without
     * one, and what was not sent yet is cancelled.
     */
    @WithDefault("30m")
    Duration applyTimeout();

    /**
     * How long a run may stay Planning: a run planned by a replica that stopped meanwhile never finishes, so it
     * fails after this with a message saying to start a new one (its plan was never confirmed).
     */
    @WithDefault("30m")
    Duration planTimeout();

    /** How many runs plan at once, and how many may wait for their turn. */
    Planning planning();

    /**
     * How long finished runs (their plans, commands and outcomes) are kept; older ones are deleted, except while
     * their undo window is open or their images or registry clean-up are still due, and except the latest run a
     * schedule started (it says when the schedule last ran). 0 = keep forever.
     */
    @WithDefault("720h")
    Duration runRetention();

    /** How often due work is looked for: image deletion after undo windows, runs waiting too long, scheduled policies. */
    @WithDefault("30s")
    Duration housekeepingInterval();

    interface Kubernetes {
        /** Off by default (the local suite); then runs skip the in-use check and say so. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Planning {
        /** Runs planned at the same time; each holds two database connections while it plans. */
        @WithDefault("2")
        @WithName("max-concurrent")
        int maxConcurrent();

        /** Runs that may wait for a planning slot; a run beyond them is refused with 429. */
        @WithDefault("20")
        @WithName("max-queued")
        int maxQueued();
    }

    interface Outbox {
        /** How often the relay looks for commands to send, retrying those whose send failed. */
        @WithDefault("5s")
        Duration pollInterval();
    }

    interface Undo {
        /** How long after a confirmed run finishes it can be undone; image deletion waits for it. 0 = no undo. */
        @WithDefault("24h")
        Duration window();
    }

    interface Registry {
        /** Base URL of the managed registry, e.g. {@code https://registry.example.com}; unset = no registry clean-up. */
        Optional<URI> url();

        /** Basic-auth user for the registry's API, if it needs one. */
        Optional<String> username();

        /** Basic-auth password for the registry's API. */
        Optional<String> password();

        /** Per-request timeout of the manifest deletes. */
        @WithDefault("10s")
        Duration timeout();
    }
}
