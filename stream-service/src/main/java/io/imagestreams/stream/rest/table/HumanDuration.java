package io.imagestreams.stream.rest.table;

import java.time.Duration;

/**
 * {@code HumanDuration} of k8s.io/apimachinery {@code pkg/util/duration}: about two significant figures
 * ({@code 90s}, {@code 3m10s}, {@code 70m}, {@code 3h1m}, {@code 47h}, {@code 2d1h}, {@code 367d}, {@code 2y1d},
 * {@code 8y}), the format kubectl prints ages in. Works on Go's int64 nanoseconds, saturating as Go's
 * {@code time.Sub} does, so the results match Go's to the nanosecond boundary.
 */
public final class HumanDuration {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private HumanDuration() {
    }

    /** The human form of {@code duration}; {@code "0s"} for slight clock skew, {@code "<invalid>"} below -1s. */
    public static String format(Duration duration) {
        long nanos = saturatedNanos(duration);
        // Go: int(d.Seconds()) truncates toward zero, so -1.9s still reads as "0s".
        long seconds = nanos / SECOND;
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = nanos / MINUTE;
        if (minutes < 10) {
            long s = (nanos / SECOND) % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = nanos / HOUR;
        if (hours < 8) {
            long m = (nanos / MINUTE) % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
