package io.imagestreams.testsupport;

import io.imagestreams.launcher.ChildProcess;
import io.imagestreams.launcher.InfraSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A MongoDB-wire server (mongo-java-server 1.47.0, in-memory backend) in its own JVM on a free loopback port. */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    private ChildProcess process;

    @Override
    public Map<String, String> start() {
        process = InfraProcesses.start("mongo", InfraProcesses.servers().mongo(0, null));
        int port = process.awaitInfraReady(InfraProcesses.START_TIMEOUT);
        return InfraSettings.mongo(port);
    }

    @Override
    public void stop() {
        InfraProcesses.stop(process);
    }
}
