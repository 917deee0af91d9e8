package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import io.imagestreams.bench.LoadGenerator.Result;
import io.imagestreams.bench.LoadGenerator.Target;
import io.imagestreams.bench.Options.UsageException;
import io.imagestreams.launcher.FreePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The steps of {@code bench/run}, one command word each:
 * <pre>
 *   ports N                 N free loopback ports, one line, space-separated
 *   seed --url U [--namespace --streams --tags --history --parallelism]
 *   push-image --registry R --repository REPO --tag TAG      prints the manifest digest
 *   measure --url U [dataset options] [--registry R --repository REPO --tag TAG --digest D --registry-label L]
 *           [--peer-unavailable WHY] [--users 16 --duration 10 --warmup 15 --warmup-max 120] [--own-pids "PID ..."]
 * </pre>
 * {@code --own-pids} names the processes under test (the suite's, the registry); with their descendants and this
 * JVM they are the benchmark, and CPU used by anything else while measuring is reported as disturbance.
 */
public final class Bench {

    private static final PrintStream out = System.out;
    private static final Pattern TAG_EVENT = Pattern.compile("\"image\"\\s*:\\s*\"sha256:[0-9a-f]{64}\"");
    /** Below this share of busy CPU the machine counts as idle before a measurement. */
    private static final double IDLE_BUSY_SHARE = 0.15;
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(60);
    /** More CPU than this taken by other programs during a measurement makes it disturbed. */
    private static final double DISTURBED_CPUS = 0.2;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        CommandLine.run(USAGE, () -> {
            int first = args[0].equals("ports") ? Math.min(2, args.length) : 1;
            Options options = new Options(Arrays.asList(args).subList(first, args.length));
            switch (args[0]) {
                case "ports" -> ports(args.length > 1 ? args[1] : "1");
                case "seed" -> new Seeder(Http.client(), options.required("url"), Dataset.from(options), out)
                        .seed(options.integer("parallelism", 8));
                case "push-image" -> out.println(new RegistryImage(Http.client(), options.required("registry"))
                        .push(options.required("repository"), options.required("tag")));
                case "measure" -> measure(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            }
        });
    }

    private static final String USAGE = "usage: Bench ports N | seed --url URL ... | push-image --registry URL --repository R"
            + " --tag T | measure --url URL ...   (bench/run drives these; see bench/README.md)";

    private static void usage() {
        System.err.println(USAGE);
    }

    private static void ports(String count) {
        int n;
        try {
            n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new UsageException("ports needs a count, not '" + count + "'");
        }
        out.println(IntStream.range(0, n).mapToObj(i -> Integer.toString(FreePorts.next())).collect(Collectors.joining(" ")));
    }

    private static void measure(Options options) throws InterruptedException {
        String url = options.required("url");
        Dataset data = Dataset.from(options);
        int users = options.integer("users", 16);
        Duration duration = Duration.ofSeconds(options.integer("duration", 10));
        Duration warmupMin = Duration.ofSeconds(options.integer("warmup", 15));
        Duration warmupMax = Duration.ofSeconds(Math.max(options.integer("warmup-max", 120), options.integer("warmup", 15)));
        HttpClient client = Http.client();
        URI stream = URI.create(url);

        List<Target> targets = new ArrayList<>();
        List<String> labels = new ArrayList<>();

        int istags = data.streams() * data.tags();
        int istagBytes = checkImageStreamTag(client, url, data);
        byte[][] istagRequests = new byte[istags][];
        for (int key = 0; key < istags; key++) {
            istagRequests[key] = get(stream, data.imageStreamTagPath(key / data.tags(), key % data.tags()));
        }
        targets.add(new Target("istag", stream, n -> istagRequests[(int) (n % istags)], false, 200));
        labels.add("stream-service GET imagestreamtags/{stream}:{tag} (" + istags + " tags in turn, " + size(istagBytes) + ")");

        int listBytes = checkList(client, url, data);
        byte[] listRequest = get(stream, data.streamsPath());
        targets.add(new Target("list", stream, n -> listRequest, false, 200));
        labels.add("stream-service GET imagestreams (" + data.streams() + " streams, " + size(listBytes) + ")");

        String peerMissing = null;
        if (options.has("registry")) {
            URI registry = URI.create(options.required("registry"));
            String path = "/v2/" + options.required("repository") + "/manifests/" + options.required("tag");
            checkHead(client, Http.request(registry.toString(), path).header("Accept", RegistryImage.ACCEPT)
                    .method("HEAD", BodyPublishers.noBody()).build(), options.text("digest", ""));
            byte[] head = Http11Connection.request("HEAD", path, registry.getHost() + ":" + registry.getPort(),
                    "Accept: " + RegistryImage.ACCEPT + "\r\n");
            targets.add(new Target("head", registry, n -> head, true, 200));
            labels.add(options.text("registry-label", "docker-registry") + " HEAD " + path);
        } else {
            peerMissing = options.text("peer-unavailable", "no registry given");
        }

        out.println();
        out.println("Image streams benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println("machine: " + machine() + "; the load generator, the suite" + (peerMissing == null ? " and the registry" : "")
                + " share these CPUs");
        out.println("load: " + users + " virtual users (HTTP/1.1 keep-alive on plain sockets, closed loop) per target, one target"
                + " after another; warm-up until req/s levels off (" + WarmUp.WINDOW.toSeconds() + "-s windows, at least "
                + warmupMin.toSeconds() + " s, at most " + warmupMax.toSeconds() + " s), then " + duration.toSeconds() + " s measured");
        out.println("data: " + data.describe());

        List<Result> results = new ArrayList<>();
        List<Double> generatorCpus = new ArrayList<>();
        List<Double> otherCpus = new ArrayList<>();
        List<String> disturbed = new ArrayList<>();
        Optional<CpuAccounting> accounting = CpuAccounting.of(pids(options.text("own-pids", "")));
        int cpus = Runtime.getRuntime().availableProcessors();
        LoadGenerator load = new LoadGenerator(users);
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            boolean settled = settle(labels.get(i));
            WarmUp.Curve curve = WarmUp.run(load, target, warmupMin, warmupMax);
            out.printf(Locale.ROOT, "  %-6s warm-up %d s%s: %s req/s%n", target.name(), curve.length().toSeconds(),
                    curve.levelled() ? "" : " (did not level off)",
                    curve.perSecond().stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(" ")));
            Duration cpuBefore = processCpu();
            Optional<CpuAccounting.Sample> before = accounting.map(CpuAccounting::sample);
            Result result = load.run(target, duration);
            double others = accounting.map(a -> a.sample().othersSince(before.orElseThrow(), cpus)).orElse(Double.NaN);
            double generatorCpu = processCpu().minus(cpuBefore).toNanos() / (double) result.elapsedNanos();
            results.add(result);
            generatorCpus.add(generatorCpu);
            otherCpus.add(others);
            if (!settled) {
                disturbed.add(target.name() + " (the CPUs were not idle before it started)");
            } else if (!curve.levelled()) {
                disturbed.add(target.name() + " (its req/s did not level off during the warm-up)");
            } else if (others > DISTURBED_CPUS) {
                disturbed.add(String.format(Locale.ROOT, "%s (other programs took %.2f CPUs during it)", target.name(), others));
            }
            out.printf(Locale.ROOT, "  %-6s measured %.1f req/s, p50 %.2f ms, p99 %.2f ms; CPUs: load generator %.2f, other programs %.2f%n",
                    target.name(), result.perSecond(), result.percentileMillis(0.50), result.percentileMillis(0.99), generatorCpu, others);
        }
        printTable(labels, results, generatorCpus, otherCpus, peerMissing);
        if (!disturbed.isEmpty()) {
            out.println();
            out.println("Warning: disturbed measurements: " + String.join(", ", disturbed) + ". Run again on a quiet machine.");
        }
    }

    static List<Long> pids(String list) {
        List<Long> pids = new ArrayList<>();
        for (String pid : list.trim().split("[,\\s]+")) {
            if (!pid.isEmpty()) {
                try {
                    pids.add(Long.parseLong(pid));
                } catch (NumberFormatException e) {
                    throw new UsageException("--own-pids takes process ids, not '" + pid + "'");
                }
            }
        }
        return pids;
    }

    /** Waits for idle CPUs; false when they stayed busy (another program runs), after saying so. */
    private static boolean settle(String label) throws InterruptedException {
        long begin = System.nanoTime();
        Optional<Double> busy = MachineIdle.await(IDLE_BUSY_SHARE, 2, IDLE_LIMIT);
        long waited = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        if (busy.isPresent() && busy.get() >= IDLE_BUSY_SHARE) {
            out.printf(Locale.ROOT, "  CPUs still %.0f%% busy after %d s of waiting; measuring %s anyway%n", busy.get() * 100,
                    waited, label);
            return false;
        }
        if (waited > 3) {
            out.println("  waited " + waited + " s for the CPUs to go idle");
        }
        return true;
    }

    /** CPU time this JVM (the load generator) has used so far. */
    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void printTable(List<String> labels, List<Result> results, List<Double> generatorCpus, List<Double> otherCpus,
            String peerMissing) {
        Result peer = peerMissing == null ? results.get(results.size() - 1) : null;
        out.println();
        out.println("| target | requests | errors | req/s | p50 ms | p99 ms | CPUs: load generator / other programs | req/s ÷ registry HEAD |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            String ratio;
            if (peer == null) {
                ratio = "n/a";
            } else if (result == peer) {
                ratio = "1.00 (peer)";
            } else {
                ratio = String.format(Locale.ROOT, "%.2f", result.perSecond() / peer.perSecond());
            }
            out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.2f | %.2f / %.2f | %s |%n", labels.get(i), result.requests(),
                    result.errors(), result.perSecond(), result.percentileMillis(0.50), result.percentileMillis(0.99),
                    generatorCpus.get(i), otherCpus.get(i), ratio);
        }
        if (peerMissing != null) {
            out.println();
            out.println("The registry ratios are unavailable: " + peerMissing + ".");
        }
        results.stream().filter(r -> r.errors() > 0).forEach(r ->
                out.println("errors in " + r.name() + ": " + r.errors() + ", the first: " + r.firstError()));
    }

    private static HttpRequest get(String base, String path) {
        return Http.request(base, path).header("Accept", "application/json").GET().build();
    }

    private static byte[] get(URI server, String path) {
        return Http11Connection.request("GET", path, server.getHost() + ":" + server.getPort(), "Accept: application/json\r\n");
    }

    /** The newest history entry of the first tag must be the image the tag points at; returns the body size. */
    private static int checkImageStreamTag(HttpClient client, String url, Dataset data) {
        HttpResponse<String> response = Http.expect(client, get(url, data.imageStreamTagPath(0, 0)), 200);
        String newest = data.digest(0, 0, data.history() - 1);
        if (!response.body().contains("\"ImageStreamTag\"") || !response.body().contains(newest)) {
            throw new BenchException("imagestreamtag " + data.stream(0) + ":" + data.tag(0) + " does not point at " + newest
                    + " (was the data seeded?)");
        }
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The list must hold every seeded tag event; returns the body size. */
    private static int checkList(HttpClient client, String url, Dataset data) {
        HttpResponse<String> response = Http.expect(client, get(url, data.streamsPath()), 200);
        Matcher events = TAG_EVENT.matcher(response.body());
        int count = 0;
        while (events.find()) {
            count++;
        }
        if (count != data.tagEvents()) {
            throw new BenchException("the imagestreams list of namespace " + data.namespace() + " holds " + count
                    + " tag events, expected " + data.tagEvents() + " (was the data seeded with the same sizes?)");
        }
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static void checkHead(HttpClient client, HttpRequest head, String digest) {
        HttpResponse<String> response = Http.expect(client, head, 200);
        String reported = response.headers().firstValue("Docker-Content-Digest").orElse("");
        if (reported.isEmpty() || (!digest.isEmpty() && !digest.equals(reported))) {
            throw new BenchException("HEAD " + head.uri() + " reported digest '" + reported + "'"
                    + (digest.isEmpty() ? "" : ", expected " + digest));
        }
    }

    private static String size(int bytes) {
        return bytes < 10 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException e) {
            // not Linux: the count alone
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs" + (cpu.isEmpty() ? "" : " (" + cpu + ")") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }
}
