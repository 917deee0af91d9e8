package io.imagestreams.launcher;

import io.imagestreams.api.event.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command lines for the local infrastructure servers of the {@code local-infra} module, each in its own JVM
 * with its own classpath (the Quarkus BOM must not meet the broker's or the databases' jars).
 */
public final class InfraServers {

    /** Printed by local-infra's servers once ready; keep in sync with {@code io.imagestreams.infra.Ready}. */
    static final Pattern READY_LINE = Pattern.compile("IMAGESTREAMS-INFRA-READY server=\\S+ port=(\\d+)");

    /** Database user of the local suite and the tests (trust authentication on loopback). */
    public static final String DB_USER = "imagestreams";
    public static final String DB_PASSWORD = "imagestreams";
    public static final String STREAMS_DATABASE = "streams";
    public static final String PRUNE_DATABASE = "prune";

    /**
     * The topics of DESIGN §2 and their dead-letter topics. {@code image-stream-events} is the system's change
     * log and is kept forever so projections can be rebuilt from it.
     */
    public static final List<String> TOPICS = List.of(
            Topics.IMAGE_STREAM_EVENTS + ":retention.ms=-1",
            Topics.IMAGE_IMPORT_REQUESTS,
            Topics.IMAGE_IMPORT_RESULTS,
            Topics.IMAGE_PRUNE_COMMANDS,
            Topics.IMAGE_STREAM_EVENTS + "-dlq",
            Topics.IMAGE_IMPORT_REQUESTS + "-dlq",
            Topics.IMAGE_IMPORT_RESULTS + "-dlq",
            Topics.IMAGE_PRUNE_COMMANDS + "-dlq");

    private final Path infraDir;

    public InfraServers(Path infraDir) {
        this.infraDir = infraDir;
    }

    /**
     * The infra build output: {@code -Dlocal-infra.dir} (set by the build for tests), else
     * {@code <projectDir>/local-infra/target}.
     */
    public static InfraServers locate(Path projectDir) {
        String configured = System.getProperty("local-infra.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : projectDir.resolve("local-infra/target");
        return new InfraServers(dir.toAbsolutePath().normalize());
    }

    public List<String> kafka(int port, int controllerPort, Path dataDir, List<String> topics) {
        List<String> cmd = java("io.imagestreams.infra.KafkaBroker", "-Xms128m", "-Xmx512m");
        cmd.addAll(List.of("--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString()));
        for (String topic : topics) {
            cmd.add("--topic");
            cmd.add(topic);
        }
        return cmd;
    }

    /** {@code dataDir} null = a throw-away cluster; port 0 = any free port (read it from the ready line). */
    public List<String> postgres(int port, Path dataDir, List<String> databases) {
        List<String> cmd = java("io.imagestreams.infra.PostgresServer", "-Xmx128m");
        cmd.addAll(List.of("--port", Integer.toString(port), "--user", DB_USER, "--password", DB_PASSWORD));
        if (dataDir != null) {
            cmd.add("--data-dir");
            cmd.add(dataDir.toString());
        }
        for (String db : databases) {
            cmd.add("--database");
            cmd.add(db);
        }
        return cmd;
    }

    /** {@code dataFile} null = in memory; port 0 = any free port. */
    public List<String> mongo(int port, Path dataFile) {
        List<String> cmd = java("io.imagestreams.infra.MongoWireServer", "-Xmx256m");
        cmd.addAll(List.of("--port", Integer.toString(port)));
        if (dataFile != null) {
            cmd.add("--data-file");
            cmd.add(dataFile.toString());
        }
        return cmd;
    }

    private List<String> java(String mainClass, String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Jvm.javaExecutable());
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        return cmd;
    }

    String classpath() {
        Path jar = infraDir.resolve("local-infra.jar");
        Path classpathFile = infraDir.resolve("infra-classpath.txt");
        if (!Files.exists(jar) || !Files.exists(classpathFile)) {
            throw new LaunchException("the local infrastructure is not built (" + classpathFile
                    + " is missing): run 'mvn -B -DskipTests install' in the project folder");
        }
        try {
            return jar + java.io.File.pathSeparator + Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new LaunchException("cannot read " + classpathFile + ": " + e.getMessage(), e);
        }
    }

    /** The port from the ready line in a server's log, once it is there. */
    static Optional<Integer> announcedPort(Path logFile) {
        try {
            if (!Files.exists(logFile)) {
                return Optional.empty();
            }
            // the log of a restarted server keeps earlier runs: only the part after the last start line counts
            String log = Files.readString(logFile, StandardCharsets.UTF_8);
            int start = log.lastIndexOf(ChildProcess.START_MARKER);
            Matcher m = READY_LINE.matcher(start < 0 ? log : log.substring(start));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
