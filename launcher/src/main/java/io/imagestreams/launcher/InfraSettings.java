package io.imagestreams.launcher;

import java.util.Map;

/**
 * The Quarkus configuration that points a service at the local infrastructure. One place, used by the suite
 * (as {@code -D} options) and by the test resources (as config overrides), so both wire services the same way.
 */
public final class InfraSettings {

    private InfraSettings() {
    }

    public static Map<String, String> postgres(int port, String database) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "quarkus.datasource.username", InfraServers.DB_USER,
                "quarkus.datasource.password", InfraServers.DB_PASSWORD);
    }

    public static Map<String, String> kafka(int port) {
        return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + port);
    }

    public static Map<String, String> mongo(int port) {
        return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port);
    }
}
