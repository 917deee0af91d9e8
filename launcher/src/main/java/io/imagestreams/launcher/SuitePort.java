package io.imagestreams.launcher;

/** Each port the suite listens on, who uses it, its default and the environment variable that moves it. */
public enum SuitePort {
    STREAM(Component.STREAM_SERVICE, "", "IMAGESTREAMS_STREAM_PORT", 8080),
    IMPORT(Component.IMPORT_SERVICE, "", "IMAGESTREAMS_IMPORT_PORT", 8081),
    TRIGGER(Component.TRIGGER_SERVICE, "", "IMAGESTREAMS_TRIGGER_PORT", 8082),
    PRUNE(Component.PRUNE_SERVICE, "", "IMAGESTREAMS_PRUNE_PORT", 8083),
    // infrastructure away from the system servers' defaults (5432, 9092/9093, 27017)
    POSTGRES(Component.POSTGRES, "", "IMAGESTREAMS_POSTGRES_PORT", 15432),
    KAFKA(Component.KAFKA, "", "IMAGESTREAMS_KAFKA_PORT", 19092),
    KAFKA_CONTROLLER(Component.KAFKA, "controller", "IMAGESTREAMS_KAFKA_CONTROLLER_PORT", 19093),
    MONGO(Component.MONGO, "", "IMAGESTREAMS_MONGO_PORT", 27117),
    REGISTRY(Component.REGISTRY, "", "IMAGESTREAMS_REGISTRY_PORT", 5000);

    private final Component component;
    private final String role;
    private final String environmentVariable;
    private final int defaultPort;

    SuitePort(Component component, String role, String environmentVariable, int defaultPort) {
        this.component = component;
        this.role = role;
        this.environmentVariable = environmentVariable;
        this.defaultPort = defaultPort;
    }

    public Component component() {
        return component;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The port clients use to reach the component (Kafka's bootstrap port, not its controller port). */
    public static SuitePort main(Component component) {
        for (SuitePort port : values()) {
            if (port.component == component && port.role.isEmpty()) {
                return port;
            }
        }
        throw new IllegalArgumentException("no port for " + component);
    }

    /** "stream-service", "kafka controller": who wants the port, for messages. */
    public String owner() {
        return role.isEmpty() ? component.displayName() : component.displayName() + " " + role;
    }

    /** The key of this port in the state file. */
    String stateKey() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".port";
    }
}
