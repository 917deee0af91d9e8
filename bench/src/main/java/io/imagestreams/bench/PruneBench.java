package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import io.imagestreams.bench.Options.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run-prune}: how long prune-service takes to plan a run over a million history entries, and how much
 * memory it needs for it, against the goal (under 10 s on 2 cores).
 *
 * <pre>
 *   PruneBench --jdbc URL --user U --password P --url PRUNE_URL --pid PRUNE_PID [--entries 1000000 --history 10 --runs 3]
 * </pre>
 *
 * Seeds prune-service's projection tables directly in its PostgreSQL database ({@code generate_series}, on the
 * server): {@code entries / history} tags (5 per stream, 20 streams per namespace), each with {@code history}
 * entries, every entry a distinct image, all older than the policy's 60 minutes. Then, {@code runs} times: the peer
 * (reading the same rows, in the same order, with the planner's own query, over JDBC, doing nothing with them) and
 * a dry run over all namespaces through the API ({@code POST /api/v1/runs}), which plans every entry and every
 * image and stores the plan (one row per item). Memory: prune-service's resident set and JVM heap in use, sampled
 * every 250 ms from {@code /proc} and {@code /q/metrics} while it plans.
 */
public final class PruneBench {

    private static final PrintStream out = System.out;
    private static final Duration GOAL = Duration.ofSeconds(10);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);
    private static final int TAGS_PER_STREAM = 5;
    private static final int STREAMS_PER_NAMESPACE = 20;
    /** The planner's query (RunRepository / PlanRecorder), so the peer reads exactly what the planner reads. */
    private static final String ENTRIES = "select namespace, stream, tag,"
            + " (row_number() over (partition by namespace, stream, tag order by seq desc) - 1)::int as position,"
            + " image, docker_image_reference, created, generation from history_entry order by namespace, stream, tag, seq desc";
    private static final String IMAGES = "select digest, size, manifests, docker_image_reference, first_seen from image order by digest";
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");

    private PruneBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Options options = new Options(Arrays.asList(args));
            String jdbc = options.required("jdbc");
            String user = options.required("user");
            String password = options.required("password");
            String url = options.required("url");
            long pid = Long.parseLong(options.required("pid"));
            int entries = options.integer("entries", 1_000_000);
            int history = options.integer("history", 10);
            int runs = options.integer("runs", 3);
            if (entries % history != 0) {
                throw new UsageException("--entries must be a multiple of --history");
            }
            new PruneBench().run(jdbc, user, password, url, pid, entries, history, runs);
        } catch (UsageException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        } catch (BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run(String jdbc, String user, String password, String url, long pid, int entries, int history, int runs) throws Exception {
        HttpClient http = Http.client();
        out.printf(Locale.ROOT, "Prune planning benchmark, %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "machine: %d CPUs, Java %s; prune-service (pid %d) runs as ./suite starts it: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), pid, jvmOptions(pid));
        int tags = entries / history;
        int namespaces = (tags + TAGS_PER_STREAM * STREAMS_PER_NAMESPACE - 1) / (TAGS_PER_STREAM * STREAMS_PER_NAMESPACE);
        out.printf(Locale.ROOT, "data: %,d history entries = %,d tags x %d entries (%d tags per stream, %d streams per namespace,"
                + " %,d namespaces), %,d images (one per entry), all older than 60m%n", entries, tags, history, TAGS_PER_STREAM,
                STREAMS_PER_NAMESPACE, namespaces, entries);
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            long seedStart = System.nanoTime();
            seed(db, entries, history);
            out.printf(Locale.ROOT, "seeded prune-service's projection tables directly in PostgreSQL in %.1f s (not measured below)%n",
                    seconds(System.nanoTime() - seedStart));
            List<double[]> results = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                double peer = readAsPlannerDoes(db);
                PlanResult plan = planOnce(http, url, pid);
                results.add(new double[] {plan.planSeconds(), plan.wallSeconds(), peer, plan.peakHeapMiB(), plan.peakRssMiB()});
                out.printf(Locale.ROOT, "  run %d: %s, plan %.2f s (wall %.2f s); peer read %.2f s; peak heap used %.0f MiB,"
                        + " peak RSS %.0f MiB; planned: %s%n", i, plan.state(), plan.planSeconds(), plan.wallSeconds(), peer,
                        plan.peakHeapMiB(), plan.peakRssMiB(), plan.counts());
                if (!"Succeeded".equals(plan.state())) {
                    throw new BenchException("the run ended " + plan.state() + ": " + plan.error());
                }
            }
            report(results, pid);
        }
    }

    private static void seed(Connection db, int entries, int history) throws SQLException {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.execute("truncate history_entry, image, spec_tag");
        }
        int tagsPerNamespace = TAGS_PER_STREAM * STREAMS_PER_NAMESPACE;
        // entry g (1..entries): tag (g-1)/history, its seq (g-1)%history + 1; image g; a pull spec in its namespace
        String namespace = "'bench-' || lpad((((g - 1) / ?) / ?)::text, 5, '0')";
        String digest = "'sha256:' || lpad(to_hex(g), 64, '0')";
        try (PreparedStatement images = db.prepareStatement("insert into image (digest, size, manifests, docker_image_reference, first_seen)"
                + " select " + digest + ", 20000000 + g % 1000, null, 'registry.bench.local/' || " + namespace + " || '/app@' || " + digest + ","
                + " now() - interval '30 days' from generate_series(1, ?) g")) {
            images.setInt(1, history);
            images.setInt(2, tagsPerNamespace);
            images.setInt(3, entries);
            images.executeUpdate();
        }
        try (PreparedStatement entryRows = db.prepareStatement("insert into history_entry (namespace, stream, tag, seq, image,"
                + " docker_image_reference, pull_spec, created, generation)"
                + " select " + namespace + ", 'app-' || ((((g - 1) / ?) % ?) / ?), 'v' || (((g - 1) / ?) % ?), (g - 1) % ? + 1, " + digest + ","
                + " 'registry.bench.local/' || " + namespace + " || '/app@' || " + digest + ", null,"
                + " now() - interval '30 days' + ((g - 1) % ?) * interval '1 hour', (g - 1) % ? + 1 from generate_series(1, ?) g")) {
            int p = 1;
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, tagsPerNamespace);
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, tagsPerNamespace);
            entryRows.setInt(p++, TAGS_PER_STREAM);
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, TAGS_PER_STREAM);
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, tagsPerNamespace);
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, history);
            entryRows.setInt(p++, entries);
            entryRows.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute("analyze history_entry");
            statement.execute("analyze image");
        }
    }

    /** The peer: the same rows in the same order, read to the client and dropped. */
    private static double readAsPlannerDoes(Connection db) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        db.setAutoCommit(false); // a fetch size streams only inside a transaction
        for (String sql : List.of(ENTRIES, IMAGES)) {
            try (Statement statement = db.createStatement()) {
                statement.setFetchSize(5000);
                try (ResultSet result = statement.executeQuery(sql)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        for (int c = 1; c <= columns; c++) {
                            result.getObject(c);
                        }
                        rows++;
                    }
                }
            }
        }
        db.commit();
        db.setAutoCommit(true);
        if (rows == 0) {
            throw new BenchException("the peer read no rows");
        }
        return seconds(System.nanoTime() - start);
    }

    private static PlanResult planOnce(HttpClient http, String url, long pid) throws Exception {
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakRss = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(rssBytes(pid), Math::max);
                peakHeap.accumulateAndGet(heapUsedBytes(http, url), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<String> started = Http.expect(http, Http.request(url, "/api/v1/runs").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"keepTagRevisions\":3,\"keepYoungerThan\":\"60m\"}")).build(), 202);
        String id = field(started.body(), "id");
        String body;
        String state;
        do {
            Thread.sleep(100);
            body = Http.expect(http, Http.request(url, "/api/v1/runs/" + id).GET().build(), 200).body();
            state = field(body, "state");
            if (System.nanoTime() - start > RUN_LIMIT.toNanos()) {
                throw new BenchException("run " + id + " still " + state + " after " + RUN_LIMIT.toMinutes() + " minutes");
            }
        } while ("Planning".equals(state));
        double wall = seconds(System.nanoTime() - start);
        sampler.interrupt();
        sampler.join();
        String planMillis = number(body, "planMillis");
        Matcher counts = Pattern.compile("\"planned\":(\\{[^}]*})").matcher(body);
        return new PlanResult(state, planMillis == null ? Double.NaN : Long.parseLong(planMillis) / 1000.0, wall,
                peakHeap.get() / 1048576.0, peakRss.get() / 1048576.0, counts.find() ? counts.group(1) : "?", field(body, "error"));
    }

    private static void report(List<double[]> results, long pid) {
        double best = results.stream().mapToDouble(r -> r[0]).min().orElseThrow();
        double bestPeer = results.stream().mapToDouble(r -> r[2]).min().orElseThrow();
        double heap = results.stream().mapToDouble(r -> r[3]).max().orElseThrow();
        double rss = results.stream().mapToDouble(r -> r[4]).max().orElseThrow();
        out.println();
        out.println("| measure | value | goal / peer |");
        out.println("|---|--:|--:|");
        out.printf(Locale.ROOT, "| plan time, best of %d (planMillis: read, decide, store) | %.2f s | goal < %d s: %s |%n", results.size(), best,
                GOAL.toSeconds(), best < GOAL.toSeconds() ? "met" : "NOT met");
        out.printf(Locale.ROOT, "| plan time, each run | %s | |%n", join(results, 0));
        out.printf(Locale.ROOT, "| peer: the same rows read over JDBC, best of %d | %.2f s | plan ÷ peer %.1f |%n", results.size(), bestPeer,
                best / bestPeer);
        out.printf(Locale.ROOT, "| prune-service heap in use, highest sample | %.0f MiB | |%n", heap);
        out.printf(Locale.ROOT, "| prune-service resident set, highest sample (VmHWM since start %.0f MiB) | %.0f MiB | |%n",
                status(pid, "VmHWM") / 1048576.0, rss);
    }

    private static String join(List<double[]> results, int column) {
        List<String> values = new ArrayList<>();
        results.forEach(r -> values.add(String.format(Locale.ROOT, "%.2f s", r[column])));
        return String.join(", ", values);
    }

    private static long heapUsedBytes(HttpClient http, String url) {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(java.net.URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = HEAP_USED.matcher(metrics.body());
            double sum = 0;
            while (matcher.find()) {
                sum += Double.parseDouble(matcher.group(1));
            }
            return (long) sum;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long rssBytes(long pid) {
        return status(pid, "VmRSS");
    }

    /** A {@code kB} line of {@code /proc/<pid>/status}, in bytes. */
    private static long status(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static String jvmOptions(long pid) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            List<String> options = new ArrayList<>();
            for (String part : cmdline.split(" ")) {
                if (part.startsWith("-Xm") || part.startsWith("-XX:")) {
                    options.add(part);
                }
            }
            return String.join(" ", options);
        } catch (IOException e) {
            return "?";
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9]+)").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private record PlanResult(String state, double planSeconds, double wallSeconds, double peakHeapMiB, double peakRssMiB, String counts,
            String error) {
    }
}
