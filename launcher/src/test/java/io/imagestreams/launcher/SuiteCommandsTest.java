package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuiteCommandsTest {

    private final SuiteConfig config = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", "/data"), Path.of("/project"));
    private final InfraServers infra = new InfraServers(Path.of("/project/local-infra/target"));

    @Test
    void streamServiceGetsItsDatabaseTheBrokerAndTheImportService() {
        Map<String, String> settings = new SuiteCommands(config, infra, Optional.empty()).serviceSettings(Component.STREAM_SERVICE);

        assertThat(settings)
                .containsEntry("quarkus.http.port", "8080")
                .containsEntry("quarkus.http.host", "127.0.0.1")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:15432/streams")
                .containsEntry("kafka.bootstrap.servers", "127.0.0.1:19092")
                .containsEntry("imagestreams.import-service.url", "http://127.0.0.1:8081")
                .doesNotContainKey("quarkus.mongodb.connection-string");
    }

    @Test
    void pruneServiceGetsItsOwnDatabase() {
        Map<String, String> settings = new SuiteCommands(config, infra, Optional.empty()).serviceSettings(Component.PRUNE_SERVICE);

        assertThat(settings).containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:15432/prune")
                .containsEntry("quarkus.http.port", "8083");
    }

    @Test
    void importAndTriggerServiceGetMongo() {
        SuiteCommands commands = new SuiteCommands(config, infra, Optional.empty());

        assertThat(commands.serviceSettings(Component.IMPORT_SERVICE))
                .containsEntry("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:27117")
                .doesNotContainKey("quarkus.datasource.reactive.url");
        assertThat(commands.serviceSettings(Component.TRIGGER_SERVICE))
                .containsEntry("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:27117")
                .containsEntry("quarkus.http.port", "8082");
    }

    @Test
    void aServiceRunsItsQuarkusJarInASmallJvmMarkedWithItsName() {
        List<String> command = new SuiteCommands(config, infra, Optional.empty()).command(Component.TRIGGER_SERVICE);

        assertThat(command.get(1)).isEqualTo("-Dlocal-suite.component=trigger-service");
        assertThat(command).contains("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Dquarkus.http.port=8082")
                .endsWith("-jar", "/project/trigger-service/target/quarkus-app/quarkus-run.jar");
    }

    @Test
    void everyChildGetsASessionOfItsOwnWhenSetsidExists() {
        List<String> command = new SuiteCommands(config, infra, Optional.of("/usr/bin/setsid")).command(Component.IMPORT_SERVICE);

        assertThat(command.get(0)).isEqualTo("/usr/bin/setsid");
        assertThat(command.get(2)).isEqualTo("-Dlocal-suite.component=import-service");
    }
}
