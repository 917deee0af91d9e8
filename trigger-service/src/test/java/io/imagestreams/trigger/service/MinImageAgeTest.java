package io.imagestreams.trigger.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.trigger.kubernetes.MinImageAgeAnnotation;
import io.imagestreams.trigger.repository.TagImage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinImageAgeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final TagImage.Image IMAGE = new TagImage.Image("sha256:" + "a".repeat(64),
            "quay.io/acme/app@sha256:" + "a".repeat(64), "quay.io/acme/app@sha256:" + "a".repeat(64));

    @Test
    void anImageYoungerThanTheMinimumIsHeldUntilItIsThatOld() {
        // given
        Instant ageFrom = NOW.minus(Duration.ofMinutes(10));

        // when / then
        assertThat(MinImageAge.holdUntil(Duration.ofMinutes(30), ageFrom, NOW)).contains(NOW.plus(Duration.ofMinutes(20)));
        assertThat(MinImageAge.holdUntil(Duration.ofMinutes(10), ageFrom, NOW)).isEmpty();
        assertThat(MinImageAge.holdUntil(Duration.ofMinutes(5), ageFrom, NOW)).isEmpty();
        assertThat(MinImageAge.holdUntil(Duration.ZERO, NOW, NOW)).isEmpty();
    }

    @Test
    void theAgeCountsFromWhenTheTagMovedElseFromWhenTheMoveWasSeen() {
        // given
        Instant moved = NOW.minus(Duration.ofHours(1));

        // when / then
        assertThat(tag(moved, NOW).ageFrom()).isEqualTo(moved);
        assertThat(tag(null, NOW).ageFrom()).isEqualTo(NOW);
        // a tag move stamped later than it was seen (clock skew) counts from when it was seen
        assertThat(tag(NOW.plus(Duration.ofMinutes(5)), NOW).ageFrom()).isEqualTo(NOW);
    }

    @Test
    void theWorkloadAnnotationIsAGoDuration() {
        assertThat(MinImageAgeAnnotation.parse(null)).isEqualTo(new MinImageAgeAnnotation.Parsed(Duration.ZERO, null));
        assertThat(MinImageAgeAnnotation.parse("1h30m").minimum()).isEqualTo(Duration.ofMinutes(90));
        assertThat(MinImageAgeAnnotation.parse("0").minimum()).isZero();
        MinImageAgeAnnotation.Parsed bad = MinImageAgeAnnotation.parse("2 days");
        assertThat(bad.minimum()).isZero();
        assertThat(bad.error()).isEqualTo("the imagestreams.io/min-image-age annotation \"2 days\" is not a duration such as "
                + "30m, 1h30m or 0s");
    }

    private static TagImage tag(Instant created, Instant seen) {
        return new TagImage("demo", "app", "latest", 1, IMAGE, null, created, seen);
    }
}
