package io.imagestreams.api.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * RFC 3339 timestamps as Kubernetes writes them: UTC, whole seconds ({@code 2026-11-22T10:00:00Z}).
 * Parsing accepts any offset and fractional seconds, as Go's {@code time.Parse(time.RFC3339, …)} does.
 */
public final class Rfc3339 {

    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toFormatter(Locale.ROOT);

    private Rfc3339() {
    }

    /** Formats {@code instant} in UTC, dropping any fraction of a second. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Parses an RFC 3339 timestamp with any offset and optional fractional seconds.
     *
     * @throws IllegalArgumentException if {@code text} is not such a timestamp
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), PARSER).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not an RFC 3339 timestamp such as 2026-11-22T10:00:00Z", e);
        }
    }
}
