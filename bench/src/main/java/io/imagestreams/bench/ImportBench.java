package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import io.imagestreams.bench.Options.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The steps of {@code bench/run-import}, one command word each:
 * <pre>
 *   registry-config --data-dir D --port P --import-url U --storage DIR --out FILE
 *                   docker-registry's configuration: plain HTTP on 127.0.0.1:P, filesystem storage in DIR, push
 *                   notifications to import-service U with the suite's secret from D/secrets.properties
 *   push --registry R [--repositories 20 --tags 200 --parallelism 8]      pushes one image per tag
 *   measure --stream-url S --import-url U --registry R --data-dir D [--repositories --tags]
 *           [--rounds 3 --parallelism 8 --latency-tags 20] [--skopeo PATH | --peer-unavailable WHY]
 *           [--registry-label L --own-pids "PID ..."]
 * </pre>
 * Ports come from {@code Bench ports N}.
 */
public final class ImportBench {

    private static final PrintStream out = System.out;
    /** OpenShift's default {@code scheduledImageImportMinimumIntervalSeconds}: how often a scheduled tag is re-imported. */
    static final Duration OPENSHIFT_SCHEDULED_INTERVAL = Duration.ofMinutes(15);
    /** OpenShift's default {@code maxScheduledImageImportsPerMinute}. */
    static final int OPENSHIFT_MAX_SCHEDULED_PER_MINUTE = 60;
    private static final String SECRETS_FILE = "secrets.properties";
    private static final String NOTIFICATIONS_SECRET = "notifications-secret";
    private static final double DISTURBED_CPUS = 0.2;
    private static final double IDLE_BUSY_SHARE = 0.15;
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        CommandLine.run(USAGE, () -> {
            Options options = new Options(Arrays.asList(args).subList(1, args.length));
            switch (args[0]) {
                case "registry-config" -> registryConfig(options);
                case "push" -> push(options);
                case "measure" -> measure(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            }
        });
    }

    private static final String USAGE = "usage: ImportBench registry-config ... | push --registry URL ... | measure"
            + " --stream-url URL ...   (bench/run-import drives these; see bench/README.md)";

    private static void usage() {
        System.err.println(USAGE);
    }

    /** Writes docker-registry's configuration; the file holds the notification secret, so only its owner may read it. */
    private static void registryConfig(Options options) throws IOException {
        String secret = notificationsSecret(Path.of(options.required("data-dir")));
        int port = options.integer("port", 5000);
        String yaml = """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  cache:
                    blobdescriptor: inmemory
                http:
                  addr: 127.0.0.1:%d
                notifications:
                  endpoints:
                    - name: import-service
                      url: %s/api/v1/registry-events
                      headers:
                        Authorization: [%s]
                      timeout: 2s
                      threshold: 3
                      backoff: 1s
                      # only manifest pushes matter to import-service: no pull events, no blob events
                      ignore:
                        actions: [pull]
                        mediatypes: [application/octet-stream]
                """.formatted(quote(options.required("storage")), port, options.required("import-url"), quote("Bearer " + secret));
        Path file = Path.of(options.required("out"));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, yaml);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The shared secret the launcher made for registry notifications ({@code ./suite up} writes it). */
    private static String notificationsSecret(Path dataDir) {
        Path file = dataDir.resolve(SECRETS_FILE);
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new BenchException("cannot read the suite's secrets in " + file + " (written by ./suite up): " + e.getMessage());
        }
        String secret = secrets.getProperty(NOTIFICATIONS_SECRET, "");
        if (secret.isBlank()) {
            throw new BenchException(file + " has no " + NOTIFICATIONS_SECRET);
        }
        return secret;
    }

    /** Pushes every tag's first image, {@code --parallelism} pushes at once (setup, not measured). */
    private static void push(Options options) throws InterruptedException {
        ImportDataset data = ImportDataset.from(options);
        RegistryImage registry = new RegistryImage(Http.client(), options.required("registry"));
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.integer("parallelism", 8));
        try {
            List<Future<String>> pushes = new ArrayList<>();
            for (int tag = 0; tag < data.tags(); tag++) {
                int pushed = tag;
                pushes.add(pool.submit(() -> registry.push(data.repository(pushed), data.tag(pushed), data.variant(pushed, 0))));
            }
            for (Future<String> push : pushes) {
                push.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException bench ? bench : new BenchException("pushing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        out.printf(Locale.ROOT, "bench: pushed %d tags to %d repositories in %.1f s%n", data.tags(), data.repositories(),
                (System.nanoTime() - begin) / 1e9);
    }

    private static void measure(Options options) throws InterruptedException {
        ImportDataset data = ImportDataset.from(options);
        String streamUrl = options.required("stream-url");
        String registryUrl = options.required("registry");
        String registryHostPort = registryUrl.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        int rounds = options.integer("rounds", 3);
        int parallelism = options.integer("parallelism", 8);
        int latencyTags = Math.min(options.integer("latency-tags", 20), data.tags());
        HttpClient client = Http.client();
        ImportService importService = new ImportService(client, options.required("import-url"), data,
                notificationsSecret(Path.of(options.required("data-dir"))));

        String[] digests = registryDigests(client, registryUrl, data);
        ImportSetup setup = new ImportSetup(client, streamUrl, importService, data, registryHostPort, out);
        Duration imported = setup.createStreams(digests, Duration.ofSeconds(180));
        out.printf(Locale.ROOT, "bench: %d streams created; stream-service shows all %d tags imported after %.1f s%n",
                data.repositories(), data.tags(), seconds(imported));
        Duration tracked = setup.awaitTracked(Duration.ofSeconds(60));
        out.printf(Locale.ROOT, "bench: import-service tracks all %d tags as scheduled (%.1f s later)%n", data.tags(), seconds(tracked));
        long cap = importService.maxChecksPerMinute();

        List<Integer> all = IntStream.range(0, data.tags()).boxed().toList();
        Duration roundTimeout = Duration.ofSeconds(60 + data.tags() / 2);
        ScheduledChecks scheduled = new ScheduledChecks(importService, data, registryHostPort, digests);
        Optional<SkopeoChecks> skopeo = options.has("skopeo")
                ? Optional.of(new SkopeoChecks(options.required("skopeo"), data, registryHostPort, digests)) : Optional.empty();
        String peerMissing = skopeo.isPresent() ? null : options.text("peer-unavailable", "no skopeo given");

        out.println();
        out.println("Image streams import benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println("machine: " + Bench.machine() + "; the suite, the registry" + (skopeo.isPresent() ? ", skopeo" : "")
                + " and this program share these CPUs");
        out.println("data: " + data.describe() + "; registry " + options.text("registry-label", "docker-registry") + " on "
                + registryHostPort + " (plain HTTP, filesystem storage)");
        out.println("import-service: " + parallelism + " checks at once (imagestreams.lookups.parallelism), at most " + cap
                + " checks per minute (imagestreams.schedules.max-checks-per-minute"
                + (cap == 600 ? ", the default)" : "; the default is 600)"));

        Duration first = scheduled.round(all, true, roundTimeout);
        out.printf(Locale.ROOT, "  first checks (warm-up, not counted): %d tags in %.2f s%n", data.tags(), seconds(first));
        skopeo.ifPresent(peer -> peer.check(0));
        settle();

        Optional<CpuAccounting> accounting = CpuAccounting.of(Bench.pids(options.text("own-pids", "")));
        int cpus = Runtime.getRuntime().availableProcessors();
        Series service = new Series("import-service scheduled checks (all tags due at once by one notification, " + parallelism
                + " at once, cap " + cap + "/min)");
        Series peerParallel = new Series("skopeo inspect --raw, " + parallelism + (parallelism == 1 ? " process" : " processes")
                + " at once");
        Series peerSequential = new Series("skopeo inspect --raw, one process at a time");
        for (int round = 1; round <= rounds; round++) {
            service.add(data.tags(), accounting, cpus, () -> scheduled.round(all, false, roundTimeout));
            out.printf(Locale.ROOT, "  round %d: import-service %.1f checks/s", round, service.last());
            if (skopeo.isPresent()) {
                SkopeoChecks peer = skopeo.get();
                peerParallel.add(data.tags(), accounting, cpus, () -> peer.round(all, parallelism));
                peerSequential.add(data.tags(), accounting, cpus, () -> peer.round(all, 1));
                out.printf(Locale.ROOT, "; skopeo %.1f checks/s (%d at once), %.1f checks/s (one at a time)", peerParallel.last(),
                        parallelism, peerSequential.last());
            }
            out.println();
        }

        PushLatency latency = new PushLatency(client, streamUrl, new RegistryImage(client, registryUrl), importService, data);
        List<Double> latencies = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < latencyTags; i++) {
            // spread over the repositories and tags; generation 1 is a new image for the tag
            int tag = (int) ((long) i * data.tags() / latencyTags);
            PushLatency.Outcome outcome = latency.measure(tag, 1, Duration.ofSeconds(30));
            outcome.shown().ifPresentOrElse(shown -> latencies.add(seconds(shown)), () -> missed.add(outcome.missed()));
        }
        out.printf(Locale.ROOT, "  push latency: %s s%s%n", latencies.stream().map(s -> String.format(Locale.ROOT, "%.2f", s))
                .collect(Collectors.joining(" ")), missed.isEmpty() ? "" : "; missed " + missed.size() + " of " + latencyTags);
        missed.forEach(why -> out.println("    missed " + why));

        printTables(data, service, skopeo.isPresent() ? List.of(peerParallel, peerSequential) : List.of(), peerMissing, latencies,
                missed.size());
    }

    /** One measured round; returns its length. */
    private interface Round {
        Duration run() throws InterruptedException;
    }

    /** Rounds of one target: checks per second and the CPUs other programs took meanwhile. */
    private static final class Series {
        final String label;
        final List<Double> perSecond = new ArrayList<>();
        final List<Double> seconds = new ArrayList<>();
        final List<Double> others = new ArrayList<>();

        Series(String label) {
            this.label = label;
        }

        void add(int checks, Optional<CpuAccounting> accounting, int cpus, Round round) throws InterruptedException {
            Optional<CpuAccounting.Sample> before = accounting.map(CpuAccounting::sample);
            double took = seconds(round.run());
            others.add(accounting.map(a -> a.sample().othersSince(before.orElseThrow(), cpus)).orElse(Double.NaN));
            seconds.add(took);
            perSecond.add(checks / took);
        }

        double last() {
            return perSecond.get(perSecond.size() - 1);
        }

        double median() {
            return Stats.median(perSecond);
        }
    }

    private static void printTables(ImportDataset data, Series service, List<Series> peers, String peerMissing, List<Double> latencies,
            int missed) {
        Series peer = peers.isEmpty() ? null : peers.get(0);
        List<Series> all = new ArrayList<>();
        all.add(service);
        all.addAll(peers);
        List<String> disturbed = new ArrayList<>();
        out.println();
        out.println("| scheduled checks of " + data.tags() + " unchanged tags | rounds | s per round (median) | checks/s (median) "
                + "| checks/s (min-max) | CPUs of other programs (most in a round) | checks/s ÷ skopeo " + (peer == null ? "" : "(same parallelism) ") + "|");
        out.println("|---|--:|--:|--:|--:|--:|--:|");
        for (Series series : all) {
            String ratio = peer == null ? "n/a" : series == peer ? "1.00 (peer)"
                    : String.format(Locale.ROOT, "%.2f", series.median() / peer.median());
            double others = series.others.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            if (others > DISTURBED_CPUS) {
                disturbed.add(String.format(Locale.ROOT, "%s (other programs took up to %.2f CPUs)", series.label, others));
            }
            out.printf(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.1f-%.1f | %.2f | %s |%n", series.label, series.perSecond.size(),
                    Stats.median(series.seconds), series.median(), Stats.min(series.perSecond), Stats.max(series.perSecond), others,
                    ratio);
        }
        if (peerMissing != null) {
            out.println();
            out.println("The skopeo ratio is unavailable: " + peerMissing + ".");
        }
        out.println();
        out.println("| push → imagestreamtag shows the new digest | pushes | shown | missed | p50 s | p95 s | max s "
                + "| reference: OpenShift's default scheduled import |");
        out.println("|---|--:|--:|--:|--:|--:|--:|---|");
        String percentiles = latencies.isEmpty() ? "- | - | -" : String.format(Locale.ROOT, "%.2f | %.2f | %.2f",
                Stats.percentile(latencies, 0.50), Stats.percentile(latencies, 0.95), Stats.max(latencies));
        out.printf(Locale.ROOT, "| docker-registry notification → import-service check and import → stream-service | %d | %d | %d | %s "
                + "| every %d min: a push shows after up to %d s, %d s on average; at most %d streams imported per minute |%n",
                latencies.size() + missed, latencies.size(), missed, percentiles, OPENSHIFT_SCHEDULED_INTERVAL.toMinutes(),
                OPENSHIFT_SCHEDULED_INTERVAL.toSeconds(), OPENSHIFT_SCHEDULED_INTERVAL.toSeconds() / 2, OPENSHIFT_MAX_SCHEDULED_PER_MINUTE);
        if (missed > 0) {
            out.println();
            out.println("Missed pushes: import-service checked the tag when the notification came and found the old image;"
                    + " docker-registry sends the push event before it writes the tag, so the check can run first. Such a"
                    + " push shows only at the tag's next scheduled check (" + OPENSHIFT_SCHEDULED_INTERVAL.toMinutes()
                    + " min by default).");
        }
        if (!disturbed.isEmpty()) {
            out.println();
            out.println("Warning: disturbed measurements: " + String.join(", ", disturbed) + ". Run again on a quiet machine.");
        }
    }

    /** The digest the registry serves for each tag (a manifest HEAD with an importer's Accept header). */
    private static String[] registryDigests(HttpClient client, String registryUrl, ImportDataset data) {
        String[] digests = new String[data.tags()];
        for (int tag = 0; tag < data.tags(); tag++) {
            HttpRequest head = Http.request(registryUrl, "/v2/" + data.repository(tag) + "/manifests/" + data.tag(tag))
                    .header("Accept", RegistryImage.ACCEPT).method("HEAD", BodyPublishers.noBody()).build();
            HttpResponse<String> answer = Http.expect(client, head, 200);
            digests[tag] = answer.headers().firstValue("Docker-Content-Digest")
                    .orElseThrow(() -> new BenchException("HEAD " + head.uri() + " reported no digest (were the tags pushed?)"));
        }
        return digests;
    }

    /** Waits a while for idle CPUs (the suite is still digesting the imports' events); says so when they stay busy. */
    private static void settle() throws InterruptedException {
        long begin = System.nanoTime();
        Optional<Double> busy = MachineIdle.await(IDLE_BUSY_SHARE, 2, IDLE_LIMIT);
        if (busy.isPresent() && busy.get() >= IDLE_BUSY_SHARE) {
            out.printf(Locale.ROOT, "  CPUs still %.0f%% busy after %d s of waiting; measuring anyway%n", busy.get() * 100,
                    Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
