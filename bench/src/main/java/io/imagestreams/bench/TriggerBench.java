package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run-triggers}' measurement, against a running suite: mapping (an {@code ImageStreamMapping} in
 * stream-service) → webhook received (trigger-service's signed POST at a receiver in this JVM).
 * <pre>
 *   TriggerBench --stream-url U --trigger-url T [--namespace bench-triggers --streams 50 --triggers-per-stream 5
 *                --latency-seconds 20 --latency-rate 4 --bursts 3 --parallelism 8 --own-pids "PID ..."]
 * </pre>
 * Each stream's tag {@code latest} gets {@code triggers-per-stream} webhook triggers. Two loads follow a warm-up:
 * <ul>
 *   <li>latency: mappings at a fixed rate ({@code latency-rate} per second, open loop), to the streams in turn;</li>
 *   <li>bursts: one new image on every stream at once ({@code parallelism} writers), waiting for all its
 *       deliveries before the next burst, so no undelivered image is superseded.</li>
 * </ul>
 * Latency is from just before the mapping is sent to the webhook request's arrival. Every delivery is checked:
 * signature, no repeats, none missing.
 */
public final class TriggerBench {

    /** The goal: a tag move reaches its webhooks within a second, at the 99th percentile. */
    static final Duration GOAL_P99 = Duration.ofSeconds(1);
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(120);
    private static final double IDLE_BUSY_SHARE = 0.15;
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(10);
    private static final double DISTURBED_CPUS = 0.2;
    private static final String TAG = "latest";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"(whsec_[^\"]+)\"");

    private static final PrintStream out = System.out;

    private final HttpClient client = Http.client();
    private final String streamUrl;
    private final String triggerUrl;
    private final String namespace;
    private final int streams;
    private final int triggersPerStream;
    private final int parallelism;
    private final WebhookSink sink = new WebhookSink();
    /** When the mapping of each digest was sent ({@link System#nanoTime()}). */
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private int imageCount;

    private TriggerBench(Options options) {
        this.streamUrl = options.required("stream-url");
        this.triggerUrl = options.required("trigger-url");
        this.namespace = options.text("namespace", "bench-triggers");
        this.streams = options.integer("streams", 50);
        this.triggersPerStream = options.integer("triggers-per-stream", 5);
        this.parallelism = options.integer("parallelism", 8);
    }

    public static void main(String[] args) throws Exception {
        CommandLine.run("usage: TriggerBench --stream-url URL --trigger-url URL [...] (bench/run-triggers drives it;"
                + " see bench/README.md)", () -> {
            Options options = new Options(Arrays.asList(args));
            TriggerBench bench = new TriggerBench(options);
            try {
                bench.run(options);
            } finally {
                bench.sink.close();
            }
        });
        System.exit(0);
    }

    private void run(Options options) throws InterruptedException {
        int latencySeconds = options.integer("latency-seconds", 20);
        int latencyRate = options.integer("latency-rate", 4);
        int bursts = options.integer("bursts", 3);
        Optional<CpuAccounting> accounting = CpuAccounting.of(Bench.pids(options.text("own-pids", "")));

        Instant setupBegin = Instant.now();
        setUp();
        out.printf(Locale.ROOT, "bench: %d streams and %d webhook triggers registered in %.1f s%n", streams,
                streams * triggersPerStream, Duration.between(setupBegin, Instant.now()).toMillis() / 1000.0);

        // warm-up: the JIT and the connection pools, unreported
        Phase warmBurst = burst("warm-up burst");
        Phase warmPaced = paced("warm-up paced", latencyRate, Math.max(latencyRate * 5, streams));
        out.printf(Locale.ROOT, "bench: warm-up done (%d deliveries, p99 %.0f ms then %.0f ms)%n",
                warmBurst.deliveries() + warmPaced.deliveries(), warmBurst.percentileMillis(0.99), warmPaced.percentileMillis(0.99));

        out.println();
        out.println("Image streams trigger benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println("machine: " + Bench.machine() + "; this JVM (mappings and the webhook receiver) and the suite share these CPUs");
        out.printf(Locale.ROOT, "setup: %d streams in namespace %s, %d webhook triggers on each stream's tag %s (%d triggers),"
                + " receiver: a JDK HTTP server in this JVM on 127.0.0.1 answering 204%n", streams, namespace, triggersPerStream, TAG,
                streams * triggersPerStream);
        out.println("latency: mapping sent (stream-service) -> webhook request received (trigger-service), each delivery");

        List<Phase> phases = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        List<String> disturbed = new ArrayList<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Callable<Phase>> loads = new ArrayList<>();
        loads.add(() -> paced("paced " + latencyRate + "/s", latencyRate, latencySeconds * latencyRate));
        for (int b = 1; b <= bursts; b++) {
            String name = "burst " + b;
            loads.add(() -> burst(name));
        }
        for (Callable<Phase> load : loads) {
            boolean settled = settle();
            Optional<CpuAccounting.Sample> before = accounting.map(CpuAccounting::sample);
            Phase phase;
            try {
                phase = load.call();
            } catch (InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new BenchException("measurement failed: " + e, e);
            }
            double other = accounting.map(a -> a.sample().othersSince(before.orElseThrow(), cpus)).orElse(Double.NaN);
            phases.add(phase);
            others.add(other);
            if (!settled) {
                disturbed.add(phase.name() + " (the CPUs were not idle before it started)");
            } else if (other > DISTURBED_CPUS) {
                disturbed.add(String.format(Locale.ROOT, "%s (other programs took %.2f CPUs during it)", phase.name(), other));
            }
            out.printf(Locale.ROOT, "  %-10s %d mappings in %.1f s -> %d deliveries in %.1f s: %.0f deliveries/s,"
                    + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", phase.name(), phase.mappings(), phase.sendingSeconds(),
                    phase.deliveries(), phase.seconds(), phase.perSecond(), phase.percentileMillis(0.50),
                    phase.percentileMillis(0.99), phase.percentileMillis(1.0));
        }
        printTable(phases, others);
        report(phases, disturbed);
    }

    /** Creates the streams, then registers the triggers, each in parallel; keeps every trigger's secret. */
    private void setUp() throws InterruptedException {
        inParallel(streams, stream -> Http.expect(client, post(streamUrl, Dataset.API + "/namespaces/" + namespace + "/imagestreams", """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"%s"}}""".formatted(stream(stream))), 201));
        inParallel(streams * triggersPerStream, trigger -> {
            HttpResponse<String> created = Http.expect(client, post(triggerUrl, "/api/v1/triggers", """
                    {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"%s:%s"},"webhook":{"url":"%s"}}"""
                    .formatted(namespace, stream(trigger / triggersPerStream), TAG, sink.url(trigger))), 201);
            Matcher secret = SECRET.matcher(created.body());
            if (!secret.find() || !ID.matcher(created.body()).find()) {
                throw new BenchException("POST /api/v1/triggers answered no id and secret: " + created.body());
            }
            sink.secret(trigger, secret.group(1));
        });
    }

    /** {@code count} mappings at {@code rate} per second (open loop), to the streams in turn. */
    private Phase paced(String name, int rate, int count) throws InterruptedException {
        List<Mapping> mappings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mappings.add(new Mapping(i % streams, nextDigest()));
        }
        long begin = System.nanoTime();
        long period = Duration.ofSeconds(1).toNanos() / rate;
        for (int i = 0; i < count; i++) {
            long due = begin + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(mappings.get(i));
        }
        long sendingEnd = System.nanoTime();
        return collect(name, mappings, begin, sendingEnd);
    }

    /** One new image on every stream at once, {@code parallelism} writers. */
    private Phase burst(String name) throws InterruptedException {
        List<Mapping> mappings = new ArrayList<>();
        for (int stream = 0; stream < streams; stream++) {
            mappings.add(new Mapping(stream, nextDigest()));
        }
        long begin = System.nanoTime();
        inParallel(mappings.size(), i -> send(mappings.get(i)));
        long sendingEnd = System.nanoTime();
        return collect(name, mappings, begin, sendingEnd);
    }

    /** Waits until every trigger of every mapped stream received its image (at most {@link #DELIVERY_LIMIT}). */
    private Phase collect(String name, List<Mapping> mappings, long begin, long sendingEnd) throws InterruptedException {
        int expected = mappings.size() * triggersPerStream;
        long deadline = System.nanoTime() + DELIVERY_LIMIT.toNanos();
        List<Long> latencies = new ArrayList<>(expected);
        long last = begin;
        int next = 0;
        while (next < expected) {
            Mapping mapping = mappings.get(next / triggersPerStream);
            WebhookSink.Arrival arrival = sink.arrival(mapping.stream() * triggersPerStream + next % triggersPerStream, mapping.digest());
            if (arrival != null) {
                latencies.add(arrival.nanos() - sent.get(mapping.digest()));
                last = Math.max(last, arrival.nanos());
                next++;
            } else if (System.nanoTime() > deadline) {
                throw new BenchException(name + ": only " + latencies.size() + " of " + expected + " deliveries arrived within "
                        + DELIVERY_LIMIT.toSeconds() + " s (GET " + triggerUrl + "/api/v1/deliveries?status=Pending shows what waits)");
            } else {
                Thread.sleep(5);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(name, mappings.size(), (sendingEnd - begin) / 1e9, (last - begin) / 1e9, sorted);
    }

    private void send(Mapping mapping) {
        String body = """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamMapping","metadata":{"name":"%s"},"tag":"%s",
                 "image":{"metadata":{"name":"%s"},"dockerImageReference":"%s/%s/%s@%s"}}"""
                .formatted(stream(mapping.stream()), TAG, mapping.digest(), Dataset.IMAGE_REGISTRY, namespace,
                        stream(mapping.stream()), mapping.digest());
        HttpRequest request = post(streamUrl, Dataset.API + "/namespaces/" + namespace + "/imagestreammappings", body);
        sent.put(mapping.digest(), System.nanoTime());
        Http.expect(client, request, 201);
    }

    private synchronized String nextDigest() {
        return "sha256:" + Dataset.sha256Hex(namespace + "/trigger-bench#" + imageCount++ + "@" + ProcessHandle.current().pid());
    }

    private String stream(int index) {
        return String.format("app-%02d", index);
    }

    private static HttpRequest post(String base, String path, String json) {
        return Http.request(base, path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build();
    }

    private interface Step {
        void run(int index);
    }

    /** Runs {@code step(0..count-1)} on {@code parallelism} threads; the first failure fails the benchmark. */
    private void inParallel(int count, Step step) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> step.run(index)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException bench ? bench : new BenchException("failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Mapping(int stream, String digest) {
    }

    /** One measured load: mappings sent over {@code sendingSeconds}, deliveries complete after {@code seconds}. */
    private record Phase(String name, int mappings, double sendingSeconds, double seconds, long[] latencies) {

        int deliveries() {
            return latencies.length;
        }

        double perSecond() {
            return seconds <= 0 ? 0 : latencies.length / seconds;
        }

        /** The {@code p}-quantile (nearest rank) in milliseconds; {@code 1.0} is the maximum. */
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.min(latencies.length, Math.max(1, rank)) - 1] / 1e6;
        }
    }

    private void printTable(List<Phase> phases, List<Double> others) {
        out.println();
        out.println("| load | mappings | deliveries | deliveries/s | p50 ms | p99 ms | max ms | CPUs: other programs |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String load = phase.name().startsWith("paced")
                    ? String.format(Locale.ROOT, "%s: one mapping every %.0f ms, %d triggers each", phase.name(),
                            phase.sendingSeconds() * 1000 / Math.max(1, phase.mappings() - 1), triggersPerStream)
                    : String.format(Locale.ROOT, "%s: a new image on all %d streams at once, %d triggers each", phase.name(), streams,
                            triggersPerStream);
            out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %.2f |%n", load, phase.mappings(), phase.deliveries(),
                    phase.perSecond(), phase.percentileMillis(0.50), phase.percentileMillis(0.99), phase.percentileMillis(1.0),
                    others.get(i));
        }
    }

    private void report(List<Phase> phases, List<String> disturbed) {
        Phase paced = phases.get(0);
        double p99 = paced.percentileMillis(0.99);
        double worstP99 = phases.stream().mapToDouble(p -> p.percentileMillis(0.99)).max().orElse(Double.NaN);
        double bestRate = phases.stream().skip(1).mapToDouble(Phase::perSecond).max().orElse(Double.NaN);
        out.println();
        out.printf(Locale.ROOT, "goal: mapping -> webhook p99 < %d ms: %s at the paced load (p99 %.0f ms), %s under bursts"
                + " (worst p99 %.0f ms)%n", GOAL_P99.toMillis(), p99 < GOAL_P99.toMillis() ? "met" : "NOT met", p99,
                worstP99 < GOAL_P99.toMillis() ? "met" : "not met", worstP99);
        out.printf(Locale.ROOT, "throughput: up to %.0f deliveries/s (best burst)%n", bestRate);
        out.println("for context: on OpenShift a tag that follows an external registry by scheduled import sees a new image up"
                + " to 15 min (900 s, scheduledImageImportMinimumIntervalSeconds) after the push");
        out.printf("checks: %d webhook requests, %d repeated, %d with a bad signature, %d unreadable%n", sink.requests(),
                sink.repeated(), sink.badSignatures(), sink.unreadable());
        if (sink.repeated() > 0 || sink.badSignatures() > 0 || sink.unreadable() > 0) {
            throw new BenchException("the deliveries failed the checks above");
        }
        if (!disturbed.isEmpty()) {
            out.println();
            out.println("Warning: disturbed measurements: " + String.join(", ", disturbed) + ". Run again on a quiet machine.");
        }
    }

    /** Waits for idle CPUs; false when they stayed busy (another program runs), after saying so. */
    private static boolean settle() throws InterruptedException {
        Optional<Double> busy = MachineIdle.await(IDLE_BUSY_SHARE, 2, IDLE_LIMIT);
        if (busy.isPresent() && busy.get() >= IDLE_BUSY_SHARE) {
            out.printf(Locale.ROOT, "  (CPUs still %.0f%% busy after %d s of waiting; measuring anyway)%n", busy.get() * 100,
                    IDLE_LIMIT.toSeconds());
            return false;
        }
        return true;
    }
}
