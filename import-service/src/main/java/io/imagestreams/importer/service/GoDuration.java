package io.imagestreams.importer.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Go writes them ({@code time.ParseDuration}, {@code Duration.String}): {@code 15m}, {@code 1h30m}, {@code 90s}. */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, BigDecimal> NANOS = Map.of("ns", BigDecimal.ONE, "us", BigDecimal.valueOf(1_000L),
            "µs", BigDecimal.valueOf(1_000L), "μs", BigDecimal.valueOf(1_000L), "ms", BigDecimal.valueOf(1_000_000L),
            "s", BigDecimal.valueOf(1_000_000_000L), "m", BigDecimal.valueOf(60_000_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000_000L));

    private GoDuration() {
    }

    /** Parses a non-negative Go duration; {@code "0"} alone is allowed, as in Go. Empty when it is not one. */
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

    /** Go's {@code Duration.String} to whole seconds (rounded): {@code 1h0m0s}, {@code 15m0s}, {@code 45s}, {@code 0s}. */
    public static String format(Duration duration) {
        long seconds = duration.plusMillis(500).getSeconds();
        if (seconds <= 0) {
            return "0s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + rest + "s";
        }
        return rest + "s";
    }
}
