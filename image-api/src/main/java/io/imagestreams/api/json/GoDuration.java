package io.imagestreams.api.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Go writes them ({@code time.ParseDuration}, {@code Duration.String}): {@code 60m}, {@code 1h30m},
 * {@code 1.5s}, {@code 0s}. The services' JSON APIs take and show durations in this form, as OpenShift's tools do.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, BigDecimal> NANOS = Map.of("ns", BigDecimal.ONE, "us", BigDecimal.valueOf(1_000L),
            "µs", BigDecimal.valueOf(1_000L), "μs", BigDecimal.valueOf(1_000L), "ms", BigDecimal.valueOf(1_000_000L),
            "s", BigDecimal.valueOf(1_000_000_000L), "m", BigDecimal.valueOf(60_000_000_000L), "h", BigDecimal.valueOf(3_600_000_000_000L));
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private GoDuration() {
    }

    /**
     * Parses a non-negative Go duration; {@code "0"} alone is allowed, as in Go. Empty for anything else (a sign,
     * a missing unit, more than Go's {@code Duration} holds).
     */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher matcher = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return Optional.empty();
            }
            nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(NANOS.get(matcher.group(2))));
            end = matcher.end();
        }
        if (end != text.length() || end == 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    /** {@link #format} of {@code duration} rounded to whole seconds: {@code 2m37s} for 156.5 s. */
    public static String formatSeconds(Duration duration) {
        return format(Duration.ofSeconds(duration.plusMillis(500).getSeconds()));
    }

    /**
     * Go's {@code Duration.String}: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 250ms}, {@code 0s}.
     *
     * @param duration non-negative, at most what Go's {@code Duration} holds (about 292 years)
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000L) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000L) {
            return decimal(nanos, 3) + "µs";
        }
        if (nanos < SECOND) {
            return decimal(nanos, 6) + "ms";
        }
        String seconds = decimal(nanos % MINUTE, 9) + "s";
        long minutes = nanos / MINUTE;
        if (minutes == 0) {
            return seconds;
        }
        long hours = minutes / 60;
        return (hours > 0 ? hours + "h" : "") + minutes % 60 + "m" + seconds;
    }

    /** {@code value / 10^scale} with the fraction's trailing zeros dropped. */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
