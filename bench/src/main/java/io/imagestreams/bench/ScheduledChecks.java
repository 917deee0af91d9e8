package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import io.imagestreams.bench.ImportService.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One round of import-service's scheduled checks: one notification envelope makes every tag due at once, and the
 * round ends when every tag's {@code checks} counter has moved on with the expected result and digest. The time
 * is from just before the notification is sent to the first look at the schedule list that finds them all
 * done; the list is read every {@value #POLL_MILLIS} ms, so a round reads up to that much long.
 */
final class ScheduledChecks {

    static final long POLL_MILLIS = 100;
    private static final String UNCHANGED = "Unchanged";
    private static final String UPDATED = "Updated";

    private final ImportService importService;
    private final ImportDataset data;
    private final String registryHostPort;
    private final String[] digests;

    ScheduledChecks(ImportService importService, ImportDataset data, String registryHostPort, String[] digests) {
        this.importService = importService;
        this.data = data;
        this.registryHostPort = registryHostPort;
        this.digests = digests;
    }

    /**
     * Makes {@code tags} due and waits for their checks; a first round also accepts {@code Updated} (a tag whose
     * first import finished before import-service tracked it has no digest yet, so its first check imports it).
     *
     * @return the round's length
     */
    Duration round(List<Integer> tags, boolean first, Duration timeout) throws InterruptedException {
        Map<String, Schedule> before = importService.schedules();
        Set<String> accepted = first ? Set.of(UNCHANGED, UPDATED) : Set.of(UNCHANGED);
        long begin = System.nanoTime();
        importService.notifyPushes(registryHostPort, tags, digests);
        long deadline = begin + timeout.toNanos();
        while (true) {
            Thread.sleep(POLL_MILLIS);
            Map<String, Schedule> now = importService.schedules();
            long done = System.nanoTime();
            int pending = 0;
            String example = null;
            for (int tag : tags) {
                Schedule previous = before.get(data.key(tag));
                Schedule current = now.get(data.key(tag));
                if (previous == null || current == null) {
                    throw new BenchException("import-service no longer tracks " + data.key(tag));
                }
                if (current.checks() <= previous.checks()) {
                    pending++;
                    example = example == null ? data.key(tag) + " (" + current.describe() + ")" : example;
                    continue;
                }
                if (!accepted.contains(current.lastResult()) || !digests[tag].equals(current.lastDigest())) {
                    throw new BenchException("the scheduled check of " + data.key(tag) + " ended with " + current.describe()
                            + "; expected " + String.join(" or ", accepted) + " with digest " + digests[tag]);
                }
            }
            if (pending == 0) {
                return Duration.ofNanos(done - begin);
            }
            if (done > deadline) {
                throw new BenchException(pending + " of " + tags.size() + " due tags were not checked within " + timeout.toSeconds()
                        + " s, e.g. " + example);
            }
        }
    }
}
