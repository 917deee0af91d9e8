package io.imagestreams.testsupport;

import io.imagestreams.launcher.ChildProcess;
import io.imagestreams.launcher.InfraSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL 17 (zonky embedded binaries) in its own JVM on a free loopback port, with a throw-away
 * cluster. Init arg {@code database} names the database to create (default {@code app}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private ChildProcess process;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        process = InfraProcesses.start("postgres", InfraProcesses.servers().postgres(0, null, List.of(database)));
        int port = process.awaitInfraReady(InfraProcesses.START_TIMEOUT);
        return InfraSettings.postgres(port, database);
    }

    @Override
    public void stop() {
        InfraProcesses.stop(process);
    }
}
