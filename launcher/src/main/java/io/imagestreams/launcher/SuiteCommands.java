package io.imagestreams.launcher;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The command line of each component of the local suite. */
final class SuiteCommands {

    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

    private final SuiteConfig config;
    private final InfraServers infra;
    private final Optional<String> setsid;

    SuiteCommands(SuiteConfig config) {
        this(config, InfraServers.locate(config.projectDir()), findOnPath("setsid"));
    }

    SuiteCommands(SuiteConfig config, InfraServers infra, Optional<String> setsid) {
        this.config = config;
        this.infra = infra;
        this.setsid = setsid;
    }

    /**
     * Every child runs in a session of its own (when {@code setsid} exists): Ctrl-C in the terminal then reaches
     * only the launcher, which stops the services before the infrastructure they use, and a detached suite does
     * not share the terminal's fate.
     */
    List<String> command(Component component) {
        List<String> command = new ArrayList<>();
        if (component == Component.REGISTRY) {
            // its marker is the name of its config file, already on the command line
            command.addAll(registry());
        } else {
            command.addAll(javaCommand(component));
            command.add(1, component.commandLineMarker());
        }
        setsid.ifPresent(executable -> command.add(0, executable));
        return command;
    }

    /** What a component's process gets in its environment on top of the launcher's: secrets stay off command lines. */
    Map<String, String> environment(Component component) {
        if (component == Component.IMPORT_SERVICE) {
            return SuiteSecrets.loadOrCreate(config.dataDir()).importServiceEnvironment();
        }
        if (component == Component.STREAM_SERVICE) {
            // trusted only when the suite runs with IMAGESTREAMS_AUTH_MODE=jwt; tokens come from ./suite token
            LocalTokens.loadOrCreate(config.dataDir());
            return Map.of("IMAGESTREAMS_AUTH_JWT_ISSUER", LocalTokens.ISSUER,
                    "IMAGESTREAMS_AUTH_JWT_PUBLIC_KEY_LOCATION", LocalTokens.publicKeyFile(config.dataDir()).toString());
        }
        return Map.of();
    }

    /** Fails with a message naming what to build when a component's jars are missing. */
    void checkBuilt() {
        infra.classpath();
        for (Component service : Component.services()) {
            Path jar = config.serviceJar(service);
            if (!Files.isRegularFile(jar)) {
                throw new LaunchException(service + " is not built (" + jar + " is missing): run './suite build'");
            }
        }
    }

    private List<String> javaCommand(Component component) {
        return switch (component) {
            case POSTGRES -> infra.postgres(config.port(SuitePort.POSTGRES), config.postgresDataDir(),
                    List.of(InfraServers.STREAMS_DATABASE, InfraServers.PRUNE_DATABASE));
            case KAFKA -> infra.kafka(config.port(SuitePort.KAFKA), config.port(SuitePort.KAFKA_CONTROLLER),
                    config.kafkaDataDir(), InfraServers.TOPICS);
            case MONGO -> infra.mongo(config.port(SuitePort.MONGO), config.mongoDataFile());
            default -> service(component, serviceSettings(component));
        };
    }

    /** The Quarkus configuration of a service beyond its own defaults: where it listens and what it talks to. */
    Map<String, String> serviceSettings(Component service) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("quarkus.http.port", Integer.toString(config.port(service)));
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.putAll(InfraSettings.kafka(config.port(SuitePort.KAFKA)));
        switch (service) {
            case STREAM_SERVICE -> {
                settings.putAll(InfraSettings.postgres(config.port(SuitePort.POSTGRES), InfraServers.STREAMS_DATABASE));
                settings.put("imagestreams.import-service.url", "http://127.0.0.1:" + config.port(SuitePort.IMPORT));
            }
            case PRUNE_SERVICE -> settings.putAll(
                    InfraSettings.postgres(config.port(SuitePort.POSTGRES), InfraServers.PRUNE_DATABASE));
            case IMPORT_SERVICE -> {
                settings.putAll(InfraSettings.mongo(config.port(SuitePort.MONGO)));
                if (config.registryBinary().isPresent()) {
                    // the suite's registry speaks plain HTTP
                    int registry = config.port(SuitePort.REGISTRY);
                    settings.put("imagestreams.registries.insecure", "127.0.0.1:" + registry + ",localhost:" + registry);
                }
            }
            case TRIGGER_SERVICE -> settings.putAll(InfraSettings.mongo(config.port(SuitePort.MONGO)));
            default -> throw new IllegalArgumentException(service + " is not a service");
        }
        return settings;
    }

    /**
     * The suite's registry: loopback only, no auth, storage in the data folder, and every push announced to
     * import-service (pulls are not: they are import-service's own). Writes the config file it names.
     */
    private List<String> registry() {
        Path binary = config.registryBinary().orElseThrow(() -> new LaunchException("docker-registry is not installed"));
        Path file = registryConfig().writeTo(config.registryConfigFile());
        return List.of(binary.toString(), "serve", file.toString());
    }

    RegistryConfig registryConfig() {
        String address = "127.0.0.1:" + config.port(SuitePort.REGISTRY);
        RegistryConfig.Endpoint importService = new RegistryConfig.Endpoint("import-service",
                URI.create("http://127.0.0.1:" + config.port(SuitePort.IMPORT) + "/api/v1/registry-events"),
                Map.of("Authorization", "Bearer " + SuiteSecrets.loadOrCreate(config.dataDir()).notificationsSecret()),
                Duration.ofSeconds(2), 3, Duration.ofSeconds(1), List.of("pull"));
        // one host name in notifications however a client spelled it: schedules of 127.0.0.1:PORT follow pushes
        // to localhost:PORT too
        return RegistryConfig.listeningOn(address, config.registryStorageDir())
                .publicUrl(URI.create("http://" + address))
                .notify(importService);
    }

    private List<String> service(Component service, Map<String, String> settings) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaExecutable());
        command.addAll(SERVICE_JVM_OPTIONS);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(config.serviceJar(service).toString());
        return command;
    }

    static Optional<String> findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath().toString());
            }
        }
        return Optional.empty();
    }
}
