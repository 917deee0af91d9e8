package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that need no built suite; starting the real suite is covered by the e2e tests. */
class SuiteTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private SuiteConfig config;
    private Suite suite;
    private Process process;

    @BeforeEach
    void setUp() {
        config = configFor(dataDir, Path.of("."));
        suite = new Suite(config, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        TestProcesses.destroy(process);
    }

    @Test
    void statusOfASuiteThatNeverRanSaysStoppedForEachComponent() {
        assertThat(suite.status()).isEqualTo(Suite.NOTHING_RUNNING);

        for (Component component : config.components()) {
            assertThat(output()).containsPattern("(?m)^" + component + " +stopped +- +" + config.port(component) + " ");
        }
        assertThat(output()).contains("The suite is not running");
    }

    @Test
    void statusCallsASuiteWithoutAnInstalledRegistryFullyRunning() {
        // given: one process carrying the marker of every component but the registry
        process = TestProcesses.start(TestProcesses.idleJvm(config.components().stream()
                .map(Component::commandLineMarker).toArray(String[]::new)));
        config.components().forEach(component -> TestProcesses.writePid(config.pidFile(component), process.pid()));

        // when
        int code = suite.status();

        // then
        assertThat(code).isZero();
        assertThat(output()).containsPattern("(?m)^registry +absent +- +" + config.port(SuitePort.REGISTRY) + " ")
                .contains("docker-registry is not installed ('apt-get install docker-registry' adds it)")
                .contains("All 7 components are running.")
                .doesNotContain("components are running: './suite down'");
    }

    @Test
    void statusCountsAnInstalledRegistryAmongTheComponents() {
        // given
        SuiteConfig withRegistry = configFor(dataDir, Path.of("."), Optional.of(SuiteConfig.REGISTRY_BINARY));
        Suite suiteWithRegistry = new Suite(withRegistry, new PrintStream(output, true, StandardCharsets.UTF_8));
        process = startMarked(Component.MONGO);

        // when
        int code = suiteWithRegistry.status();

        // then
        assertThat(code).isEqualTo(Suite.PARTLY_RUNNING);
        assertThat(output()).containsPattern("(?m)^registry +stopped +- +" + withRegistry.port(SuitePort.REGISTRY) + " ")
                .contains("1 of 8 components are running")
                .doesNotContain("docker-registry is not installed");
    }

    @Test
    void upNamesTheSkippedRegistryAndHowToGetItOnlyWhenDockerRegistryIsMissing() {
        SuiteConfig withRegistry = configFor(dataDir, Path.of("."), Optional.of(SuiteConfig.REGISTRY_BINARY));

        assertThat(Suite.skippedRegistry(config)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("registry: skipped, docker-registry is not installed")
                .contains("apt-get install docker-registry")
                .doesNotContain("\n"));
        assertThat(Suite.skippedRegistry(withRegistry)).isEmpty();
    }

    @Test
    void statusCountsAStalePidFileAsStopped() {
        TestProcesses.writePid(config.pidFile(Component.KAFKA), TestProcesses.deadPid());

        assertThat(suite.status()).isEqualTo(Suite.NOTHING_RUNNING);
        assertThat(output()).containsPattern("(?m)^kafka +stopped");
    }

    @Test
    void statusShowsAPartlyRunningSuite() {
        process = startMarked(Component.MONGO);

        assertThat(suite.status()).isEqualTo(Suite.PARTLY_RUNNING);
        assertThat(output()).containsPattern("(?m)^mongo +running +" + process.pid() + " +" + config.port(Component.MONGO))
                .contains("1 of 7 components are running");
    }

    @Test
    void upRefusesWhilePartOfTheSuiteRunsAndPointsToDown() {
        process = startMarked(Component.KAFKA);

        assertThatThrownBy(() -> suite.up(true))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("part of the suite is still running: kafka (pid " + process.pid() + ")")
                .hasMessageContaining("./suite down");
    }

    @Test
    void upWithABusyPortFailsBeforeStartingAnything(@TempDir Path project) throws Exception {
        fakeBuild(project);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> environment = environmentOnFreePorts(dataDir);
            environment.put(SuitePort.MONGO.environmentVariable(), Integer.toString(taken.getLocalPort()));
            Suite onBusyPort = new Suite(SuiteConfig.from(environment, project, Optional.empty()),
                    new PrintStream(output, true, StandardCharsets.UTF_8));

            assertThatThrownBy(() -> onBusyPort.up(true))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (for mongo) is already in use")
                    .hasMessageContaining("IMAGESTREAMS_MONGO_PORT");
        }
        assertThat(dataDir.resolve("logs")).doesNotExist();
        assertThat(dataDir.resolve("run")).doesNotExist();
    }

    @Test
    void upOfAnUnbuiltProjectSaysWhatToBuild(@TempDir Path project) throws Exception {
        fakeBuild(project);
        Files.delete(project.resolve("trigger-service/target/quarkus-app/quarkus-run.jar"));
        Suite unbuilt = new Suite(configFor(dataDir, project), new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> unbuilt.up(true))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("trigger-service is not built")
                .hasMessageContaining("./suite build");
    }

    @Test
    void downStopsWhatRunsDeletesItsPidFileAndIsIdempotent() throws Exception {
        process = startMarked(Component.STREAM_SERVICE);
        TestProcesses.writePid(config.pidFile(Component.KAFKA), TestProcesses.deadPid());

        suite.down();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output()).contains("stopped stream-service (pid " + process.pid() + ")").contains("The suite is stopped");
        assertThat(config.pidFile(Component.STREAM_SERVICE)).doesNotExist();
        assertThat(config.pidFile(Component.KAFKA)).as("stale pid files are cleaned up too").doesNotExist();

        suite.down();

        assertThat(output()).contains("Nothing to stop: the suite is not running");
    }

    @Test
    void downLeavesAProcessAloneThatOnlyReusedARecordedPid() throws Exception {
        process = TestProcesses.start(TestProcesses.idleJvm());
        TestProcesses.writePid(config.pidFile(Component.POSTGRES), process.pid());

        suite.down();

        assertThat(process.isAlive()).isTrue();
        assertThat(output()).contains("Nothing to stop");
    }

    @Test
    void logsPrintsAComponentsLogByNameOrAlias() throws Exception {
        Files.createDirectories(config.logFile(Component.IMPORT_SERVICE).getParent());
        Files.writeString(config.logFile(Component.IMPORT_SERVICE), "import-service started\n");

        suite.logs("import", false);

        assertThat(output()).isEqualTo("import-service started\n");
    }

    @Test
    void logsPrintsTheRegistrysLog() throws Exception {
        Files.createDirectories(config.logFile(Component.REGISTRY).getParent());
        Files.writeString(config.logFile(Component.REGISTRY), "listening on 127.0.0.1:5000\n");

        suite.logs("registry", false);

        assertThat(output()).isEqualTo("listening on 127.0.0.1:5000\n");
    }

    @Test
    void logsOfAnUnknownComponentListsTheValidNames() {
        assertThatThrownBy(() -> suite.logs("redis", false))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("no component named 'redis'")
                .hasMessageContaining("stream-service (or stream)")
                .hasMessageContaining("postgres, kafka, mongo, registry");
    }

    @Test
    void logsOfAComponentThatNeverRanSaysSo() {
        assertThatThrownBy(() -> suite.logs("kafka", false))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("no log for kafka yet");
    }

    private Process startMarked(Component component) {
        Process started = TestProcesses.start(TestProcesses.idleJvm(component.commandLineMarker()));
        TestProcesses.writePid(config.pidFile(component), started.pid());
        return started;
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Without docker-registry, whatever this machine has: the registry's own tests say when it is there. */
    private static SuiteConfig configFor(Path dataDir, Path project) {
        return configFor(dataDir, project, Optional.empty());
    }

    private static SuiteConfig configFor(Path dataDir, Path project, Optional<Path> registryBinary) {
        return SuiteConfig.from(environmentOnFreePorts(dataDir), project, registryBinary);
    }

    private static Map<String, String> environmentOnFreePorts(Path dataDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put(SuiteConfig.DATA_DIR_VARIABLE, dataDir.toString());
        for (SuitePort port : SuitePort.values()) {
            environment.put(port.environmentVariable(), Integer.toString(FreePorts.next()));
        }
        return environment;
    }

    /** The files {@code up} checks for before it starts anything. */
    private static void fakeBuild(Path project) throws Exception {
        String builtInfra = System.getProperty("local-infra.dir");
        if (builtInfra == null) {
            Path infra = Files.createDirectories(project.resolve("local-infra/target"));
            Files.writeString(infra.resolve("infra-classpath.txt"), "");
            Files.writeString(infra.resolve("local-infra.jar"), "");
        } else {
            // the build points every test at the real local-infra output, built before this module
            Assumptions.assumeTrue(Files.exists(Path.of(builtInfra, "infra-classpath.txt")), "local-infra is built");
        }
        for (Component service : Component.services()) {
            Path jar = project.resolve(service.displayName()).resolve("target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "");
        }
    }
}
