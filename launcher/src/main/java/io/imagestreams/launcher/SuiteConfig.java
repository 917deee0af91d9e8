package io.imagestreams.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the local suite lives and which ports it uses: defaults, overridden by environment variables
 * ({@link SuitePort#environmentVariable()}, {@value #DATA_DIR_VARIABLE}). Everything it writes stays under the
 * data folder, so deleting that folder resets the suite.
 */
public final class SuiteConfig {

    public static final String DATA_DIR_VARIABLE = "IMAGESTREAMS_DATA_DIR";
    public static final String PROJECT_DIR_PROPERTY = "imagestreams.project.dir";
    static final String DEFAULT_DATA_FOLDER = ".suite-data";

    private final Path projectDir;
    private final Path dataDir;
    private final Map<SuitePort, Integer> ports;

    private SuiteConfig(Path projectDir, Path dataDir, Map<SuitePort, Integer> ports) {
        this.projectDir = projectDir;
        this.dataDir = dataDir;
        this.ports = new EnumMap<>(ports);
    }

    /** This process's environment, and the project folder from {@value #PROJECT_DIR_PROPERTY} or the current one. */
    public static SuiteConfig fromEnvironment() {
        String configured = System.getProperty(PROJECT_DIR_PROPERTY);
        Path projectDir = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured);
        return from(System.getenv(), projectDir);
    }

    public static SuiteConfig from(Map<String, String> environment, Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        String dataDir = environment.get(DATA_DIR_VARIABLE);
        // a relative folder means relative to where the user typed the command, as for any other path argument
        Path data = dataDir == null || dataDir.isBlank()
                ? project.resolve(DEFAULT_DATA_FOLDER)
                : Path.of(dataDir.trim()).toAbsolutePath().normalize();
        Map<SuitePort, Integer> ports = new EnumMap<>(SuitePort.class);
        for (SuitePort port : SuitePort.values()) {
            ports.put(port, parsePort(port, environment.get(port.environmentVariable())));
        }
        rejectSharedPorts(ports);
        return new SuiteConfig(project, data, ports);
    }

    /** The same folders with the ports a running suite was started with (see {@link SuiteState}). */
    SuiteConfig withPorts(Map<SuitePort, Integer> recorded) {
        Map<SuitePort, Integer> merged = new EnumMap<>(ports);
        merged.putAll(recorded);
        return new SuiteConfig(projectDir, dataDir, merged);
    }

    private static int parsePort(SuitePort port, String value) {
        if (value == null || value.isBlank()) {
            return port.defaultPort();
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new LaunchException(port.environmentVariable() + "='" + value + "' is not a port number (1-65535)");
    }

    private static void rejectSharedPorts(Map<SuitePort, Integer> ports) {
        Map<Integer, SuitePort> byNumber = new HashMap<>();
        for (Map.Entry<SuitePort, Integer> entry : ports.entrySet()) {
            SuitePort other = byNumber.putIfAbsent(entry.getValue(), entry.getKey());
            if (other != null) {
                throw new LaunchException(other.owner() + " and " + entry.getKey().owner() + " are both set to port "
                        + entry.getValue() + ": give each its own port (" + other.environmentVariable() + ", "
                        + entry.getKey().environmentVariable() + ")");
            }
        }
    }

    public Path projectDir() {
        return projectDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port(SuitePort port) {
        return ports.get(port);
    }

    public int port(Component component) {
        return port(SuitePort.main(component));
    }

    public Map<SuitePort, Integer> ports() {
        return new EnumMap<>(ports);
    }

    public Path logFile(Component component) {
        return dataDir.resolve("logs").resolve(component.displayName() + ".log");
    }

    public Path pidFile(Component component) {
        return runDir().resolve(component.displayName() + ".pid");
    }

    /** The pid of a launcher running in the foreground, so {@code down} from another terminal can stop it. */
    Path launcherPidFile() {
        return runDir().resolve("launcher.pid");
    }

    Path stateFile() {
        return runDir().resolve("suite.properties");
    }

    Path runDir() {
        return dataDir.resolve("run");
    }

    Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    Path kafkaDataDir() {
        return dataDir.resolve("kafka");
    }

    Path mongoDataFile() {
        return dataDir.resolve("mongo").resolve("data.mv");
    }

    /** The packaged Quarkus application of a service. */
    Path serviceJar(Component service) {
        return projectDir.resolve(service.displayName()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
