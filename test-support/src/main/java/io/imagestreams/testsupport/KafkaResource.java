package io.imagestreams.testsupport;

import io.imagestreams.launcher.ChildProcess;
import io.imagestreams.launcher.FreePorts;
import io.imagestreams.launcher.InfraServers;
import io.imagestreams.launcher.InfraSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/** A real Kafka 4.4 broker (KRaft, its own JVM) on free loopback ports, with the system's topics created. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private ChildProcess process;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        dataDir = InfraProcesses.tempDir("kafka-");
        process = InfraProcesses.start("kafka",
                InfraProcesses.servers().kafka(FreePorts.next(), FreePorts.next(), dataDir, InfraServers.TOPICS));
        int port = process.awaitInfraReady(InfraProcesses.START_TIMEOUT);
        return InfraSettings.kafka(port);
    }

    @Override
    public void stop() {
        InfraProcesses.stop(process);
        InfraProcesses.deleteRecursively(dataDir);
    }
}
