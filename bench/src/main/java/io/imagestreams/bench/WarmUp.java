package io.imagestreams.bench;

import io.imagestreams.bench.LoadGenerator.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a target in windows until its throughput levels off: the JVM services reach their steady speed only
 * after their JIT compilers have seen enough requests (stream-service needs about 25 s of load on 2 cores),
 * while the registry, a Go binary, is at speed at once. Levelled off means the last {@value #LEVEL_WINDOWS}
 * windows are each within {@value #TOLERANCE} of their mean.
 */
final class WarmUp {

    static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int LEVEL_WINDOWS = 3;
    private static final double TOLERANCE = 0.05;

    private WarmUp() {
    }

    /** Throughput of each warm-up window, and whether it levelled off before {@code max}. */
    record Curve(List<Double> perSecond, boolean levelled) {

        Duration length() {
            return WINDOW.multipliedBy(perSecond.size());
        }
    }

    static Curve run(LoadGenerator load, Target target, Duration min, Duration max) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        while (true) {
            rates.add(load.run(target, WINDOW).perSecond());
            boolean longEnough = WINDOW.multipliedBy(rates.size()).compareTo(min) >= 0;
            if (longEnough && levelled(rates)) {
                return new Curve(rates, true);
            }
            if (WINDOW.multipliedBy(rates.size() + 1).compareTo(max) > 0) {
                return new Curve(rates, false);
            }
        }
    }

    private static boolean levelled(List<Double> rates) {
        if (rates.size() < LEVEL_WINDOWS) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - LEVEL_WINDOWS, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return mean > 0 && last.stream().allMatch(rate -> Math.abs(rate - mean) <= TOLERANCE * mean);
    }
}
