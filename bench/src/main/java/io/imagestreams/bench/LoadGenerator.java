package io.imagestreams.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop load: a fixed number of virtual users (one thread and one keep-alive connection each), each
 * sending its next request as soon as the previous answer is read to the end, for a fixed time. Latency is from
 * just before sending to the last byte of the answer; throughput counts answers with the expected status over
 * the time until the last user finished its last request.
 */
final class LoadGenerator {

    /**
     * What to load: the server, the request bytes for the n-th call (so requests can rotate over keys), whether
     * they are HEAD requests (answers without a body), and the status that counts.
     */
    record Target(String name, URI server, LongFunction<byte[]> request, boolean head, int expectedStatus) {
    }

    private final int users;

    LoadGenerator(int users) {
        this.users = users;
    }

    Result run(Target target, Duration duration) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(users);
        CountDownLatch go = new CountDownLatch(1);
        List<User> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[1];
        for (int i = 0; i < users; i++) {
            User user = new User(target, sequence, ready, go, window);
            workers.add(user);
            Thread thread = new Thread(user, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        window[0] = start + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;

        int count = workers.stream().mapToInt(w -> w.latencyCount).sum();
        long[] latencies = new long[count];
        int at = 0;
        long errors = 0;
        String firstError = null;
        for (User worker : workers) {
            System.arraycopy(worker.latencies, 0, latencies, at, worker.latencyCount);
            at += worker.latencyCount;
            errors += worker.errors;
            if (firstError == null) {
                firstError = worker.firstError;
            }
        }
        Arrays.sort(latencies);
        return new Result(target.name(), latencies, errors, firstError, elapsed);
    }

    private final class User implements Runnable {
        private final Target target;
        private final AtomicLong sequence;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final long[] window;
        private long[] latencies = new long[4096];
        private int latencyCount;
        private long errors;
        private String firstError;

        User(Target target, AtomicLong sequence, CountDownLatch ready, CountDownLatch go, long[] window) {
            this.target = target;
            this.sequence = sequence;
            this.ready = ready;
            this.go = go;
            this.window = window;
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long end = window[0];
            try (Http11Connection connection = new Http11Connection(target.server().getHost(), target.server().getPort())) {
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    long call = sequence.getAndIncrement();
                    byte[] request = target.request().apply(call);
                    long sent = System.nanoTime();
                    try {
                        int status = connection.exchange(request, target.head());
                        long answered = System.nanoTime();
                        if (status == target.expectedStatus()) {
                            record(answered - sent);
                        } else {
                            error("status " + status + " for call " + call + " of " + target.name());
                        }
                    } catch (IOException | RuntimeException e) {
                        error(e + " in call " + call + " of " + target.name());
                        pauseAfterError();
                    }
                }
            }
        }

        /** A refused or broken connection fails at once: a short pause keeps a dead server from spinning the loop. */
        private void pauseAfterError() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void record(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }

        private void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }
    }

    /** One target's measurement; latencies sorted, in nanoseconds. */
    record Result(String name, long[] latencies, long errors, String firstError, long elapsedNanos) {

        long requests() {
            return latencies.length;
        }

        double perSecond() {
            return latencies.length / (elapsedNanos / 1e9);
        }

        /** Nearest-rank percentile in milliseconds, e.g. {@code percentile(0.99)}. */
        double percentileMillis(double quantile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }
    }
}
