package io.imagestreams.stream.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decisions kept briefly, so that a burst of identical requests (a client's list, then its watch, kubectl's
 * retries) asks the cluster once: allowed and denied answers each for their own time, at most {@code maxSize}
 * answers, the least recently used dropped first. Thread-safe.
 */
final class DecisionCache<K> {

    private record Entry(Decision decision, long expires) {
    }

    private final long allowedNanos;
    private final long deniedNanos;
    private final LongSupplier nanoTime;
    private final Map<K, Entry> entries;

    DecisionCache(Duration allowed, Duration denied, int maxSize, LongSupplier nanoTime) {
        this.allowedNanos = allowed.toNanos();
        this.deniedNanos = denied.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry> eldest) {
                return size() > maxSize;
            }
        };
    }

    /** The decision kept for {@code key}, {@code null} when none is (or it expired). */
    synchronized Decision get(K key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expires >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.decision;
    }

    synchronized void put(K key, Decision decision) {
        long ttl = decision.allowed() ? allowedNanos : deniedNanos;
        if (ttl > 0) {
            entries.put(key, new Entry(decision, nanoTime.getAsLong() + ttl));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
