package io.imagestreams.prune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imagestreams.api.reference.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner tells invalid pull specs apart exactly as parsing them does, also when it has seen their repository before. */
class PlannerReferenceTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    private static final List<String> SPECS = Arrays.asList(
            "registry.example.com/team/app@" + DIGEST,
            "registry.example.com/team/app:1.0@" + DIGEST,
            "registry.example.com/team/app@sha256:" + "a".repeat(63),
            "registry.example.com/team/app@sha384:" + "b".repeat(64),
            "registry.example.com/team/app@md5:" + "c".repeat(32),
            "registry.example.com/team/app@",
            "registry.example.com/team/app@" + DIGEST + "@" + DIGEST,
            "registry.example.com/Team/app@" + DIGEST,
            "registry.example.com/team/app:@" + DIGEST,
            "https://registry.example.com/team/app@" + DIGEST,
            "@" + DIGEST,
            "a".repeat(256) + "@" + DIGEST,
            "ubuntu@" + DIGEST,
            "ubuntu:22.04",
            "UBUNTU",
            "",
            null);

    @Test
    void decidesEveryPullSpecAsParsingItDoes() {
        // given
        Planner planner = new Planner(3, Duration.ofMinutes(60), false, Instant.parse("2026-01-01T00:00:00Z"), Set.of(),
                WorkloadReferences.none());

        for (int pass = 1; pass <= 2; pass++) {
            for (String spec : SPECS) {
                // when
                boolean valid = planner.isValidReference(spec);

                // then (the second pass decides from the remembered repositories)
                assertEquals(spec != null && ImageReference.tryParse(spec).isPresent(), valid, "pass " + pass + ": " + spec);
            }
        }
    }
}
