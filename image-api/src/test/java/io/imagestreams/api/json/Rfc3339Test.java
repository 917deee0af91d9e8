package io.imagestreams.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @Test
    void formatsInUtcWithWholeSeconds() {
        // given
        Instant withNanos = Instant.parse("2026-11-22T10:00:00.987654321Z");

        // when
        String text = Rfc3339.format(withNanos);

        // then
        assertThat(text).isEqualTo("2026-11-22T10:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-22T10:00:00Z, 2026-11-22T10:00:00Z",
            "2026-11-22T10:00:00.5Z, 2026-11-22T10:00:00.5Z",
            "2026-11-22T10:00:00.123456789Z, 2026-11-22T10:00:00.123456789Z",
            "2026-11-22T12:00:00+02:00, 2026-11-22T10:00:00Z",
            "2026-11-22T04:30:00.25-05:30, 2026-11-22T10:00:00.25Z",
            "2026-11-22t10:00:00z, 2026-11-22T10:00:00Z"
    })
    void parsesAnyOffsetAndFraction(String text, String expected) {
        // when
        Instant parsed = Rfc3339.parse(text);

        // then
        assertThat(parsed).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "2026-11-22 10:00:00", "1700000000", "2026-11-22T10:00:00", "yesterday"})
    void rejectsWhatIsNotAnRfc3339Timestamp(String text) {
        // when / then
        assertThatThrownBy(() -> Rfc3339.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("RFC 3339");
    }
}
