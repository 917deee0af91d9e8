package io.imagestreams.k8s;

import org.junit.jupiter.api.Test;

/** The infrastructure components against the services: topics, databases and users, MongoDB. */
class InfrastructureTest {

    private static final ManifestSet BASE = ManifestSet.baseWithComponents();

    @Test
    void kafkaRunsInKRaftModeWithATopicForEveryChannelAndDeadLetterQueue() {
        ManifestChecks.kafka(BASE);
    }

    @Test
    void postgresHasEachServicesDatabaseOwnedByTheUserOfItsSecret() {
        ManifestChecks.postgres(BASE);
    }

    @Test
    void mongodbIsOneServerWithAUserPerService() {
        ManifestChecks.mongodb(BASE);
    }
}
