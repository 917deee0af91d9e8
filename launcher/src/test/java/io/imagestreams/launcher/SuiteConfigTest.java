package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteConfigTest {

    private static final Path PROJECT = Path.of("/work/project");

    @Test
    void defaultsKeepTheServicesOnTheirPortsAndTheInfrastructureAwayFromSystemServers() {
        SuiteConfig config = SuiteConfig.from(Map.of(), PROJECT);

        assertThat(config.port(Component.STREAM_SERVICE)).isEqualTo(8080);
        assertThat(config.port(Component.IMPORT_SERVICE)).isEqualTo(8081);
        assertThat(config.port(Component.TRIGGER_SERVICE)).isEqualTo(8082);
        assertThat(config.port(Component.PRUNE_SERVICE)).isEqualTo(8083);
        assertThat(config.port(Component.POSTGRES)).isEqualTo(15432);
        assertThat(config.port(Component.KAFKA)).isEqualTo(19092);
        assertThat(config.port(SuitePort.KAFKA_CONTROLLER)).isEqualTo(19093);
        assertThat(config.port(Component.MONGO)).isEqualTo(27117);
        assertThat(config.dataDir()).isEqualTo(PROJECT.resolve(".suite-data"));
    }

    @Test
    void everyPortAndTheDataFolderComeFromTheEnvironmentWhenSet() {
        Map<String, String> environment = Map.of(
                "IMAGESTREAMS_STREAM_PORT", "9080",
                "IMAGESTREAMS_IMPORT_PORT", "9081",
                "IMAGESTREAMS_TRIGGER_PORT", "9082",
                "IMAGESTREAMS_PRUNE_PORT", "9083",
                "IMAGESTREAMS_POSTGRES_PORT", "25432",
                "IMAGESTREAMS_KAFKA_PORT", "29092",
                "IMAGESTREAMS_KAFKA_CONTROLLER_PORT", "29093",
                "IMAGESTREAMS_MONGO_PORT", " 37117 ",
                "IMAGESTREAMS_DATA_DIR", "/var/lib/suite");

        SuiteConfig config = SuiteConfig.from(environment, PROJECT);

        assertThat(config.ports()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SuitePort.STREAM, 9080, SuitePort.IMPORT, 9081, SuitePort.TRIGGER, 9082, SuitePort.PRUNE, 9083,
                SuitePort.POSTGRES, 25432, SuitePort.KAFKA, 29092, SuitePort.KAFKA_CONTROLLER, 29093,
                SuitePort.MONGO, 37117));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/suite"));
        assertThat(config.logFile(Component.KAFKA)).isEqualTo(Path.of("/var/lib/suite/logs/kafka.log"));
        assertThat(config.pidFile(Component.STREAM_SERVICE)).isEqualTo(Path.of("/var/lib/suite/run/stream-service.pid"));
        assertThat(config.mongoDataFile()).isEqualTo(Path.of("/var/lib/suite/mongo/data.mv"));
        assertThat(config.postgresDataDir()).isEqualTo(Path.of("/var/lib/suite/postgres"));
        assertThat(config.kafkaDataDir()).isEqualTo(Path.of("/var/lib/suite/kafka"));
    }

    @Test
    void blankValuesMeanTheDefault() {
        SuiteConfig config = SuiteConfig.from(Map.of("IMAGESTREAMS_STREAM_PORT", "", "IMAGESTREAMS_DATA_DIR", " "), PROJECT);

        assertThat(config.port(Component.STREAM_SERVICE)).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(PROJECT.resolve(".suite-data"));
    }

    @Test
    void aRelativeDataFolderIsRelativeToTheCurrentFolder() {
        SuiteConfig config = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", "my-data"), PROJECT);

        assertThat(config.dataDir()).isEqualTo(Path.of("my-data").toAbsolutePath());
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> SuiteConfig.from(Map.of("IMAGESTREAMS_KAFKA_PORT", "kafka"), PROJECT))
                .isInstanceOf(LaunchException.class)
                .hasMessage("IMAGESTREAMS_KAFKA_PORT='kafka' is not a port number (1-65535)");
        assertThatThrownBy(() -> SuiteConfig.from(Map.of("IMAGESTREAMS_PRUNE_PORT", "70000"), PROJECT))
                .hasMessageContaining("IMAGESTREAMS_PRUNE_PORT='70000'");
        assertThatThrownBy(() -> SuiteConfig.from(Map.of("IMAGESTREAMS_PRUNE_PORT", "0"), PROJECT))
                .hasMessageContaining("IMAGESTREAMS_PRUNE_PORT='0'");
    }

    @Test
    void twoComponentsOnOnePortAreRefusedNamingBoth() {
        assertThatThrownBy(() -> SuiteConfig.from(Map.of("IMAGESTREAMS_MONGO_PORT", "8080"), PROJECT))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("stream-service and mongo are both set to port 8080")
                .hasMessageContaining("IMAGESTREAMS_STREAM_PORT")
                .hasMessageContaining("IMAGESTREAMS_MONGO_PORT");
    }

    @Test
    void recordedPortsReplaceTheConfiguredOnes() {
        SuiteConfig config = SuiteConfig.from(Map.of(), PROJECT).withPorts(Map.of(SuitePort.KAFKA, 39092));

        assertThat(config.port(Component.KAFKA)).isEqualTo(39092);
        assertThat(config.port(Component.MONGO)).isEqualTo(27117);
    }
}
