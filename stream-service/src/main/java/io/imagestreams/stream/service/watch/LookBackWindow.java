package io.imagestreams.stream.service.watch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Which change-log rows the poller has already read. resourceVersions come from a sequence when a transaction
 * writes, not when it commits, so a row can appear after rows with higher versions. Each poll therefore asks for
 * the rows above the highest version read and for the gaps below it; a gap is given up once the horizon passes
 * it, i.e. once the look-back time has gone by since a higher version was read, by when the transaction holding
 * it has committed or rolled back. Not thread-safe: the hub uses it from one poll at a time.
 */
final class LookBackWindow {

    /** Most gaps asked for per poll, newest first: a flood of versions used elsewhere must not bloat the query. */
    static final int MAX_GAPS = 1000;

    private final long lookBackNanos;
    /** Versions above the horizon that were read. */
    private final TreeSet<Long> seen = new TreeSet<>();
    /** (time observed, highest version read by then), oldest first. */
    private final Deque<long[]> marks = new ArrayDeque<>();
    private long horizon;
    private long highest;

    LookBackWindow(long lookBackNanos, long horizon, Collection<Long> seenAboveHorizon, long nowNanos) {
        this.lookBackNanos = lookBackNanos;
        this.horizon = horizon;
        this.highest = horizon;
        for (long rv : seenAboveHorizon) {
            if (rv > horizon) {
                seen.add(rv);
                highest = Math.max(highest, rv);
            }
        }
        marks.add(new long[] {nowNanos, highest});
    }

    /** Every version at or below this has been read or will never be committed. */
    long horizon() {
        return horizon;
    }

    /** The highest version read: every row above it is new. */
    long highest() {
        return highest;
    }

    /** Versions between the horizon and the highest read that were not read (yet), highest first. */
    Long[] gaps() {
        List<Long> gaps = new ArrayList<>();
        long above = highest + 1;
        for (long rv : seen.descendingSet()) {
            addGaps(gaps, rv, above);
            above = rv;
        }
        addGaps(gaps, horizon, above);
        return gaps.toArray(Long[]::new);
    }

    private static void addGaps(List<Long> gaps, long below, long above) {
        for (long rv = above - 1; rv > below && gaps.size() < MAX_GAPS; rv--) {
            gaps.add(rv);
        }
    }

    /** Moves the horizon to the highest version read at least the look-back time ago. */
    void advance(long nowNanos) {
        while (!marks.isEmpty() && nowNanos - marks.peekFirst()[0] >= lookBackNanos) {
            horizon = Math.max(horizon, marks.pollFirst()[1]);
        }
        seen.headSet(horizon, true).clear();
    }

    /** Records the rows one poll returned and answers those not read before, in their order. */
    List<WatchRow> record(List<WatchRow> rows, long nowNanos) {
        List<WatchRow> fresh = new ArrayList<>(rows.size());
        for (WatchRow row : rows) {
            if (row.resourceVersion() > horizon && seen.add(row.resourceVersion())) {
                fresh.add(row);
                highest = Math.max(highest, row.resourceVersion());
            }
        }
        if (marks.isEmpty() || highest > marks.peekLast()[1]) {
            marks.addLast(new long[] {nowNanos, highest});
        }
        return fresh;
    }
}
