package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.imagestreams.launcher.Component;
import io.imagestreams.launcher.FreePorts;
import io.imagestreams.launcher.SuiteConfig;
import io.imagestreams.launcher.SuitePort;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged suite run through the real {@code ./suite} script, as a user runs it, on free loopback ports and a
 * temporary data folder under {@code target/<name>}. {@link #close()} always runs {@code ./suite down}; the
 * components' logs are kept in {@code target/<name>} after the data folder is deleted.
 */
final class PackagedSuite implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(240);

    private final Path projectDir;
    private final Path outputDir;
    private final Path dataDir;
    private final Map<SuitePort, Integer> ports = new EnumMap<>(SuitePort.class);
    private final Map<String, String> environment = new HashMap<>();
    private int commandCount;

    private PackagedSuite(Path projectDir, Path outputDir, Path dataDir) {
        this.projectDir = projectDir;
        this.outputDir = outputDir;
        this.dataDir = dataDir;
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
    }

    /** Checks the packaged artifacts exist and picks ports and a data folder; starts nothing. */
    static PackagedSuite prepare(String name) {
        String project = System.getProperty(SuiteConfig.PROJECT_DIR_PROPERTY);
        assertThat(project).as("system property " + SuiteConfig.PROJECT_DIR_PROPERTY).isNotBlank();
        Path projectDir = Path.of(project).toAbsolutePath();
        // a missing artifact would make ./suite start a Maven build of its own inside this one
        for (Component service : Component.services()) {
            assertThat(projectDir.resolve(service.displayName()).resolve("target/quarkus-app/quarkus-run.jar"))
                    .as("packaged " + service + " (run 'mvn install -DskipTests' from the project folder)").isRegularFile();
        }
        assertThat(projectDir.resolve("launcher/target/launcher.jar")).isRegularFile();
        try {
            Path outputDir = Files.createDirectories(Path.of("target", name).toAbsolutePath());
            return new PackagedSuite(projectDir, outputDir, Files.createTempDirectory(outputDir, "data-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets an environment variable of the {@code ./suite} process, which the services it starts inherit: how a test
     * configures a service. Takes effect with the next {@link #up()}.
     */
    void environment(String name, String value) {
        environment.put(name, value);
    }

    /** {@code ./suite up --detach}: returns once every component is ready. */
    void up() {
        CommandResult result = suite("up", "--detach");
        assertThat(result.exitCode()).as("./suite up --detach:\n" + result.output()).isZero();
        assertThat(result.output()).contains("The image streams suite is ready");
    }

    int port(SuitePort port) {
        return ports.get(port);
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + port(SuitePort.KAFKA);
    }

    URI serviceUri(Component service, String path) {
        return URI.create("http://127.0.0.1:" + port(SuitePort.main(service)) + path);
    }

    Path dataDir() {
        return dataDir;
    }

    /** Where the suite records a component's pid ({@code <data>/run/<name>.pid}). */
    Path pidFile(Component component) {
        return dataDir.resolve("run").resolve(component.displayName() + ".pid");
    }

    /** A component's log ({@code <data>/logs/<name>.log}). */
    Path logFile(Component component) {
        return dataDir.resolve("logs").resolve(component.displayName() + ".log");
    }

    /** The pid in a component's pid file. */
    long recordedPid(Component component) {
        Path pidFile = pidFile(component);
        try {
            return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    /** Runs {@code ./suite ARGS} with this suite's ports and data folder; its output also stays in a file. */
    CommandResult suite(String... args) {
        List<String> command = new ArrayList<>();
        command.add(projectDir.resolve("suite").toString());
        command.addAll(List.of(args));
        Path output = outputDir.resolve(String.format("%s-%02d-%s.log", dataDir.getFileName(), ++commandCount,
                String.join("_", args).replaceAll("[^A-Za-z0-9_]", "")));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
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

    /**
     * {@code ./suite down}, whatever state the suite is in; then keeps the logs and deletes the data folder. Fails
     * (keeping the data folder) when {@code down} did not stop everything.
     */
    @Override
    public void close() {
        CommandResult down = suite("down");
        keepLogs();
        assertThat(down.exitCode()).as("./suite down:\n" + down.output()).isZero();
        deleteRecursively(dataDir);
    }

    private void keepLogs() {
        Path logs = dataDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = outputDir.resolve(dataDir.getFileName() + "-logs");
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record CommandResult(int exitCode, String output) {
    }
}
