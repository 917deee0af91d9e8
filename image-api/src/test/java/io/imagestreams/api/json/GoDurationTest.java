package io.imagestreams.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "0, PT0S",
            "0s, PT0S",
            "30m, PT30M",
            "1h30m, PT1H30M",
            "1.5s, PT1.5S",
            "1500ms, PT1.5S",
            "2h45m30s, PT2H45M30S",
            ".5h, PT30M",
            "100us, PT0.0001S",
            "1µs, PT0.000001S",
            "7ns, PT0.000000007S"
    })
    void parsesGoDurations(String text, String expected) {
        // when / then
        assertThat(GoDuration.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "-5m", "+5m", "5 m", "m", "5d", "1h 30m", "soon", "3000000h"})
    void refusesWhatGoRefuses(String text) {
        // when / then
        assertThat(GoDuration.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S, 0s",
            "PT45S, 45s",
            "PT1M30S, 1m30s",
            "PT30M, 30m0s",
            "PT1H, 1h0m0s",
            "PT26H3M, 26h3m0s",
            "PT1.5S, 1.5s",
            "PT1M0.25S, 1m0.25s",
            "PT0.25S, 250ms",
            "PT0.0015S, 1.5ms",
            "PT0.000002S, 2µs",
            "PT0.000000007S, 7ns"
    })
    void formatsAsGoDoes(String duration, String expected) {
        // when / then
        assertThat(GoDuration.format(Duration.parse(duration))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void formatsToWholeSecondsRounded() {
        org.assertj.core.api.Assertions.assertThat(GoDuration.formatSeconds(java.time.Duration.ofMillis(156_500))).isEqualTo("2m37s");
        org.assertj.core.api.Assertions.assertThat(GoDuration.formatSeconds(java.time.Duration.ofMillis(156_499))).isEqualTo("2m36s");
        org.assertj.core.api.Assertions.assertThat(GoDuration.formatSeconds(java.time.Duration.ofMillis(200))).isEqualTo("0s");
    }
}
