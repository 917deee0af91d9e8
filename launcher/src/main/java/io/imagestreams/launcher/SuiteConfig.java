package io.imagestreams.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local suite lives and which ports it uses: defaults, overridden by environment variables
 * ({@link SuitePort#environmentVariable()}, {@value #DATA_DIR_VARIABLE}). Everything it writes stays under the
 * data folder, so deleting that folder resets the suite.
 */
public final class SuiteConfig {

    public static final String DATA_DIR_VARIABLE = "IMAGESTREAMS_DATA_DIR";
    public static final String PROJECT_DIR_PROPERTY = "imagestreams.project.dir";
    static final String DEFAULT_DATA_FOLDER = ".suite-data";
    /** Where Debian's docker-registry package puts the registry; else it is looked for on the PATH. */
    static final Path REGISTRY_BINARY = Path.of("/usr/bin/docker-registry");
    private static final String REGISTRY_BINARY_NAME = "docker-registry";

    private final Path projectDir;
    private final Path dataDir;
    private final Map<SuitePort, Integer> ports;
    private final Optional<Path> registryBinary;

    private SuiteConfig(Path projectDir, Path dataDir, Map<SuitePort, Integer> ports, Optional<Path> registryBinary) {
        this.projectDir = projectDir;
        this.dataDir = dataDir;
        this.ports = new EnumMap<>(ports);
        this.registryBinary = registryBinary;
    }

    /** This process's environment, and the project folder from {@value #PROJECT_DIR_PROPERTY} or the current one. */
    public static SuiteConfig fromEnvironment() {
        String configured = System.getProperty(PROJECT_DIR_PROPERTY);
        Path projectDir = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured);
        return from(System.getenv(), projectDir);
    }

    /** docker-registry is looked for at {@link #REGISTRY_BINARY}, then on the environment's {@code PATH}. */
    public static SuiteConfig from(Map<String, String> environment, Path projectDir) {
        return from(environment, projectDir, findRegistry(REGISTRY_BINARY, environment.get("PATH")));
    }

    /** With docker-registry at {@code registryBinary}; empty: not installed, the suite runs without a registry. */
    static SuiteConfig from(Map<String, String> environment, Path projectDir, Optional<Path> registryBinary) {
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
        // a registry that will not run cannot clash with anything
        rejectSharedPorts(registryBinary.isPresent() ? ports : withoutRegistry(ports));
        return new SuiteConfig(project, data, ports, registryBinary);
    }

    /** The same folders with the ports a running suite was started with (see {@link SuiteState}). */
    SuiteConfig withPorts(Map<SuitePort, Integer> recorded) {
        Map<SuitePort, Integer> merged = new EnumMap<>(ports);
        merged.putAll(recorded);
        return new SuiteConfig(projectDir, dataDir, merged, registryBinary);
    }

    /** {@code debianBinary} when it exists, else the first {@value #REGISTRY_BINARY_NAME} on {@code path}. */
    static Optional<Path> findRegistry(Path debianBinary, String path) {
        if (Files.isExecutable(debianBinary)) {
            return Optional.of(debianBinary);
        }
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir.isEmpty() ? "." : dir, REGISTRY_BINARY_NAME).toAbsolutePath())
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Map<SuitePort, Integer> withoutRegistry(Map<SuitePort, Integer> ports) {
        Map<SuitePort, Integer> rest = new EnumMap<>(ports);
        rest.remove(SuitePort.REGISTRY);
        return rest;
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

    /** The components this suite runs: every one, except the registry where docker-registry is not installed. */
    public List<Component> components() {
        return Arrays.stream(Component.values())
                .filter(component -> component != Component.REGISTRY || registryBinary.isPresent())
                .toList();
    }

    /** The infrastructure of {@link #components()}, started before the services. */
    List<Component> infrastructure() {
        return components().stream().filter(component -> !component.isService()).toList();
    }

    /** docker-registry, when installed. */
    Optional<Path> registryBinary() {
        return registryBinary;
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

    /** The pushed images: kept across {@code down} and {@code up} like the other stores. */
    Path registryStorageDir() {
        return dataDir.resolve("registry");
    }

    /** Written at each {@code up} (ports and secret may have changed); its name marks the registry's process. */
    Path registryConfigFile() {
        return runDir().resolve(Component.REGISTRY_CONFIG_NAME);
    }

    /** The packaged Quarkus application of a service. */
    Path serviceJar(Component service) {
        return projectDir.resolve(service.displayName()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
