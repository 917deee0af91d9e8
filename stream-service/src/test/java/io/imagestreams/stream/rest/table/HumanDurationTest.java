package io.imagestreams.stream.rest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tables of k8s.io/apimachinery {@code pkg/util/duration/duration_test.go}, case for case. */
class HumanDurationTest {

    private static final Duration MS = Duration.ofMillis(1);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration YEAR = DAY.multipliedBy(365);

    static Stream<Arguments> humanDuration() {
        return Stream.of(
                arguments(Duration.ofSeconds(1), "1s"),
                arguments(Duration.ofSeconds(70), "70s"),
                arguments(Duration.ofSeconds(190), "3m10s"),
                arguments(Duration.ofMinutes(70), "70m"),
                arguments(Duration.ofHours(47), "47h"),
                arguments(Duration.ofHours(49), "2d1h"),
                arguments(Duration.ofHours(8 * 24 + 2), "8d"),
                arguments(Duration.ofHours(367 * 24), "367d"),
                arguments(Duration.ofHours(365 * 2 * 24 + 25), "2y1d"),
                arguments(Duration.ofHours(365 * 8 * 24 + 2), "8y"));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                arguments(Duration.ofSeconds(-2), "<invalid>"),
                arguments(Duration.ofSeconds(-2).plusNanos(1), "0s"),
                arguments(Duration.ZERO, "0s"),
                arguments(Duration.ofSeconds(1).minus(MS), "0s"),
                arguments(Duration.ofMinutes(2).minus(MS), "119s"),
                arguments(Duration.ofMinutes(2), "2m"),
                arguments(Duration.ofMinutes(2).plusSeconds(1), "2m1s"),
                arguments(Duration.ofMinutes(10).minus(MS), "9m59s"),
                arguments(Duration.ofMinutes(10), "10m"),
                arguments(Duration.ofMinutes(10).plusSeconds(1), "10m"),
                arguments(Duration.ofHours(3).minus(MS), "179m"),
                arguments(Duration.ofHours(3), "3h"),
                arguments(Duration.ofHours(3).plusMinutes(1), "3h1m"),
                arguments(Duration.ofHours(8).minus(MS), "7h59m"),
                arguments(Duration.ofHours(8), "8h"),
                arguments(Duration.ofHours(8).plusMinutes(59), "8h"),
                arguments(DAY.multipliedBy(2).minus(MS), "47h"),
                arguments(DAY.multipliedBy(2), "2d"),
                arguments(DAY.multipliedBy(2).plusHours(1), "2d1h"),
                arguments(DAY.multipliedBy(8).minus(MS), "7d23h"),
                arguments(DAY.multipliedBy(8), "8d"),
                arguments(DAY.multipliedBy(8).plusHours(23), "8d"),
                arguments(YEAR.multipliedBy(2).minus(MS), "729d"),
                arguments(YEAR.multipliedBy(2), "2y"),
                arguments(YEAR.multipliedBy(2).plusHours(23), "2y"),
                arguments(YEAR.multipliedBy(2).plusHours(23).plusMinutes(59), "2y"),
                arguments(YEAR.multipliedBy(2).plus(DAY).minus(MS), "2y"),
                arguments(YEAR.multipliedBy(2).plus(DAY), "2y1d"),
                arguments(YEAR.multipliedBy(3), "3y"),
                arguments(YEAR.multipliedBy(4), "4y"),
                arguments(YEAR.multipliedBy(5), "5y"),
                arguments(YEAR.multipliedBy(6), "6y"),
                arguments(YEAR.multipliedBy(7), "7y"),
                arguments(YEAR.multipliedBy(8).minus(MS), "7y364d"),
                arguments(YEAR.multipliedBy(8), "8y"),
                arguments(YEAR.multipliedBy(8).plus(DAY.multipliedBy(364)), "8y"),
                arguments(YEAR.multipliedBy(9), "9y"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("humanDuration")
    void formatsLikeKubernetes(Duration duration, String expected) {
        assertThat(HumanDuration.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("boundaries")
    void switchesUnitsAtTheSameBoundariesAsKubernetes(Duration duration, String expected) {
        assertThat(HumanDuration.format(duration)).isEqualTo(expected);
    }

    @Test
    void saturatesBeyondGosDurationRangeAsTimeSubDoes() {
        // when: the distance to year 1 does not fit in int64 nanoseconds; Go's Sub clamps it to ~292 years
        String formatted = HumanDuration.format(ChronoUnit.YEARS.getDuration().multipliedBy(2025));

        // then
        assertThat(formatted).isEqualTo("292y");
        assertThat(HumanDuration.format(ChronoUnit.YEARS.getDuration().multipliedBy(-2025))).isEqualTo("<invalid>");
    }
}
