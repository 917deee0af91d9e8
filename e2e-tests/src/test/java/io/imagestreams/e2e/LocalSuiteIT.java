package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.imagestreams.launcher.Component;
import io.imagestreams.launcher.FreePorts;
import io.imagestreams.launcher.InfraServers;
import io.imagestreams.launcher.Processes;
import io.imagestreams.launcher.SuiteConfig;
import io.imagestreams.launcher.SuitePort;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.RegistryPusher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged suite through the real {@code ./suite} script, as a user runs it, on free ports and a temporary
 * data folder: start, check, push to its registry (where docker-registry is installed), stop, start again with the
 * data still there. The steps build on each other.
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalSuiteIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(240);
    private static final String MARKER = "suite-it-" + UUID.randomUUID();

    private static Path projectDir;
    private static Path dataDir;
    private static Path outputDir;
    private static final Map<SuitePort, Integer> ports = new EnumMap<>(SuitePort.class);
    private static final Map<String, String> environment = new HashMap<>();
    /** What the suite runs here: the registry only where docker-registry is installed. */
    private static List<Component> components;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static int commandCount;

    @BeforeAll
    static void setUp() throws IOException {
        String project = System.getProperty(SuiteConfig.PROJECT_DIR_PROPERTY);
        assertThat(project).as("system property " + SuiteConfig.PROJECT_DIR_PROPERTY).isNotBlank();
        projectDir = Path.of(project).toAbsolutePath();
        // a missing artifact would make ./suite start a Maven build of its own inside this one
        for (Component service : Component.services()) {
            assertThat(projectDir.resolve(service.displayName()).resolve("target/quarkus-app/quarkus-run.jar"))
                    .as("packaged " + service + " (run 'mvn verify' from the project folder)").isRegularFile();
        }
        assertThat(projectDir.resolve("launcher/target/launcher.jar")).isRegularFile();

        outputDir = Files.createDirectories(Path.of("target", "local-suite-it").toAbsolutePath());
        dataDir = Files.createTempDirectory(outputDir, "data-");
        environment.put(SuiteConfig.DATA_DIR_VARIABLE, dataDir.toString());
        for (SuitePort port : SuitePort.values()) {
            ports.put(port, FreePorts.next());
            environment.put(port.environmentVariable(), Integer.toString(ports.get(port)));
        }
        // the JDK running the tests, so the script does not depend on what the PATH offers
        Path jdk = Path.of(System.getProperty("java.home"));
        if (Files.isExecutable(jdk.resolve("bin/javac"))) {
            environment.put("JAVA_HOME", jdk.toString());
        }
        Map<String, String> suiteEnvironment = new HashMap<>(System.getenv());
        suiteEnvironment.putAll(environment);
        components = SuiteConfig.from(suiteEnvironment, projectDir).components();
    }

    @AfterAll
    static void tearDown() throws IOException {
        try {
            if (dataDir != null) {
                suite("down");
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    @Test
    @Order(1)
    void upWithABusyPortFailsFastNamingThePortAndStartsNothing() throws IOException {
        int busy = ports.get(SuitePort.IMPORT);
        Instant begin = Instant.now();
        CommandResult result;
        try (ServerSocket taken = new ServerSocket(busy, 1, InetAddress.getLoopbackAddress())) {
            result = suite("up", "--detach");
        }

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("port " + busy + " (for import-service) is already in use")
                .contains(SuitePort.IMPORT.environmentVariable())
                .contains("nothing was started");
        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(pidFiles()).isEmpty();
        assertThat(dataDir.resolve("logs")).doesNotExist();
        ports.forEach((port, number) -> assertThat(FreePorts.isFree(number)).as(port.owner() + " port " + number).isTrue());
    }

    @Test
    @Order(2)
    void upDetachedStartsEveryComponentAndReturnsOnceAllAreReady() throws Exception {
        CommandResult result = suite("up", "--detach");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("The image streams suite is ready");
        for (Component service : Component.services()) {
            int port = ports.get(SuitePort.main(service));
            assertThat(result.output())
                    .containsPattern(service + " +ready on port " + port)
                    .contains("http://127.0.0.1:" + port);
            assertThat(readinessStatus(port)).as(service + " readiness").isEqualTo(200);
        }

        if (components.contains(Component.REGISTRY)) {
            assertThat(result.output()).containsPattern("registry +ready on port " + ports.get(SuitePort.REGISTRY))
                    .contains("127.0.0.1:" + ports.get(SuitePort.REGISTRY) + " (plain HTTP");
        }

        writeMarkerToPostgres();
        writeMarkerToMongo();
    }

    @Test
    @Order(3)
    void statusReportsEveryComponentRunningAndReady() {
        CommandResult result = suite("status");

        assertThat(result.exitCode()).as(result.output()).isZero();
        for (Component component : components) {
            assertThat(result.output()).containsPattern("(?m)^" + component + " +running +\\d+ +"
                    + ports.get(SuitePort.main(component)) + " +ready$");
        }
    }

    @Test
    @Order(4)
    void aPushToTheSuitesRegistryMovesAScheduledTag() {
        assumeTrue(components.contains(Component.REGISTRY), "docker-registry is installed");
        // given: a stream following the suite's registry, plain HTTP without importPolicy.insecure
        String registry = "127.0.0.1:" + ports.get(SuitePort.REGISTRY);
        RegistryPusher pusher = new RegistryPusher(URI.create("http://" + registry));
        ImageStreamApi api = new ImageStreamApi(URI.create("http://127.0.0.1:" + ports.get(SuitePort.STREAM) + "/"));
        PushedImage first = pusher.push("demo/app", "v1", ImageSpec.linux("amd64"));
        api.createStream("suite-it", """
                {"apiVersion": "image.openshift.io/v1", "kind": "ImageStream", "metadata": {"name": "app"},
                 "spec": {"tags": [{"name": "v1", "from": {"kind": "DockerImage", "name": "%s/demo/app:v1"},
                   "importPolicy": {"scheduled": true}}]}}""".formatted(registry));
        awaitNewestImage(api, first.digest());

        // when: the next scheduled check is far away
        PushedImage second = pusher.push("demo/app", "v1", ImageSpec.linux("amd64").withLabels(Map.of("build", "2")));

        // then: the registry's notification to import-service moves the stream
        awaitNewestImage(api, second.digest());
    }

    private static void awaitNewestImage(ImageStreamApi api, String digest) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.getStream("suite-it", "app").at("/status/tags/0/items/0/image").asText()).isEqualTo(digest));
    }

    @Test
    @Order(5)
    void downStopsEveryProcessAndFreesEveryPort() {
        List<Long> pids = recordedPids();
        assertThat(pids).hasSizeGreaterThan(components.size());

        CommandResult result = suite("down");

        assertThat(result.exitCode()).as(result.output()).isZero();
        for (Component component : components) {
            assertThat(result.output()).contains("stopped " + component + " (pid");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(pids).noneMatch(Processes::isRunning);
            ports.forEach((port, number) -> assertThat(FreePorts.isFree(number)).as(port.owner() + " port " + number).isTrue());
        });
        assertThat(pidFiles()).isEmpty();
        assertThat(suite("status").exitCode()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void aRestartKeepsTheData() throws Exception {
        CommandResult result = suite("up", "--detach");
        assertThat(result.exitCode()).as(result.output()).isZero();

        assertThat(readMarkerFromPostgres()).contains(MARKER);
        assertThat(readMarkerFromMongo()).contains(MARKER);
        if (components.contains(Component.REGISTRY)) {
            HttpRequest tags = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(SuitePort.REGISTRY)
                    + "/v2/demo/app/tags/list")).timeout(Duration.ofSeconds(10)).build();
            assertThat(http.send(tags, HttpResponse.BodyHandlers.ofString()).body()).contains("\"v1\"");
        }

        CommandResult down = suite("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
    }

    private static void writeMarkerToPostgres() throws SQLException {
        try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
            // a schema of its own, beside the one stream-service's migrations own
            statement.execute("create schema if not exists suite_it");
            statement.execute("create table if not exists suite_it.marker (value text primary key)");
            try (PreparedStatement insert = connection.prepareStatement("insert into suite_it.marker values (?)")) {
                insert.setString(1, MARKER);
                insert.executeUpdate();
            }
        }
    }

    private static Optional<String> readMarkerFromPostgres() throws SQLException {
        try (Connection connection = postgres();
                PreparedStatement query = connection.prepareStatement("select value from suite_it.marker where value = ?")) {
            query.setString(1, MARKER);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + ports.get(SuitePort.POSTGRES) + "/"
                + InfraServers.STREAMS_DATABASE, InfraServers.DB_USER, InfraServers.DB_PASSWORD);
    }

    private static void writeMarkerToMongo() {
        try (MongoClient client = mongo()) {
            markers(client).insertOne(new Document("_id", MARKER));
        }
    }

    private static Optional<String> readMarkerFromMongo() {
        try (MongoClient client = mongo()) {
            return Optional.ofNullable(markers(client).find(Filters.eq("_id", MARKER)).first()).map(d -> d.getString("_id"));
        }
    }

    private static MongoClient mongo() {
        return MongoClients.create("mongodb://127.0.0.1:" + ports.get(SuitePort.MONGO) + "/?serverSelectionTimeoutMS=10000");
    }

    private static MongoCollection<Document> markers(MongoClient client) {
        return client.getDatabase("suite_it").getCollection("marker");
    }

    private static int readinessStatus(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The pids of every component and of the PostgreSQL server its JVM started. */
    private static List<Long> recordedPids() {
        List<Long> pids = new ArrayList<>();
        for (Path pidFile : pidFiles()) {
            pids.add(firstLineAsPid(pidFile));
        }
        pids.add(firstLineAsPid(dataDir.resolve("postgres/postmaster.pid")));
        return pids;
    }

    private static long firstLineAsPid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file, StandardCharsets.UTF_8).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> pidFiles() {
        Path runDir = dataDir.resolve("run");
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./suite ARGS} with the test's ports and data folder; its output also stays in a file. */
    private static CommandResult suite(String... args) {
        List<String> command = new ArrayList<>();
        command.add(projectDir.resolve("suite").toString());
        command.addAll(List.of(args));
        Path output = outputDir.resolve(String.format("%02d-%s.log", ++commandCount, String.join("_", args).replaceAll("[^A-Za-z0-9_]", "")));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("'./suite " + String.join(" ", args) + "' did not finish within " + COMMAND_TIMEOUT.toSeconds()
                        + " s; its output: " + output);
            }
            return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record CommandResult(int exitCode, String output) {
    }
}
