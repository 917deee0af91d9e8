package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(config.port(Component.REGISTRY)).isEqualTo(5000);
        assertThat(config.dataDir()).isEqualTo(PROJECT.resolve(".suite-data"));
    }

    @Test
    void everyPortAndTheDataFolderComeFromTheEnvironmentWhenSet() {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("IMAGESTREAMS_STREAM_PORT", "9080"),
                Map.entry("IMAGESTREAMS_IMPORT_PORT", "9081"),
                Map.entry("IMAGESTREAMS_TRIGGER_PORT", "9082"),
                Map.entry("IMAGESTREAMS_PRUNE_PORT", "9083"),
                Map.entry("IMAGESTREAMS_POSTGRES_PORT", "25432"),
                Map.entry("IMAGESTREAMS_KAFKA_PORT", "29092"),
                Map.entry("IMAGESTREAMS_KAFKA_CONTROLLER_PORT", "29093"),
                Map.entry("IMAGESTREAMS_MONGO_PORT", " 37117 "),
                Map.entry("IMAGESTREAMS_REGISTRY_PORT", "6000"),
                Map.entry("IMAGESTREAMS_DATA_DIR", "/var/lib/suite"));

        SuiteConfig config = SuiteConfig.from(environment, PROJECT);

        assertThat(config.ports()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SuitePort.STREAM, 9080, SuitePort.IMPORT, 9081, SuitePort.TRIGGER, 9082, SuitePort.PRUNE, 9083,
                SuitePort.POSTGRES, 25432, SuitePort.KAFKA, 29092, SuitePort.KAFKA_CONTROLLER, 29093,
                SuitePort.MONGO, 37117, SuitePort.REGISTRY, 6000));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/suite"));
        assertThat(config.logFile(Component.KAFKA)).isEqualTo(Path.of("/var/lib/suite/logs/kafka.log"));
        assertThat(config.pidFile(Component.STREAM_SERVICE)).isEqualTo(Path.of("/var/lib/suite/run/stream-service.pid"));
        assertThat(config.mongoDataFile()).isEqualTo(Path.of("/var/lib/suite/mongo/data.mv"));
        assertThat(config.postgresDataDir()).isEqualTo(Path.of("/var/lib/suite/postgres"));
        assertThat(config.kafkaDataDir()).isEqualTo(Path.of("/var/lib/suite/kafka"));
        assertThat(config.registryStorageDir()).isEqualTo(Path.of("/var/lib/suite/registry"));
        assertThat(config.logFile(Component.REGISTRY)).isEqualTo(Path.of("/var/lib/suite/logs/registry.log"));
    }

    @Test
    void theRegistryIsAComponentOnlyWhereDockerRegistryIsInstalled() {
        SuiteConfig with = SuiteConfig.from(Map.of(), PROJECT, Optional.of(Path.of("/usr/bin/docker-registry")));
        SuiteConfig without = SuiteConfig.from(Map.of(), PROJECT, Optional.empty());

        assertThat(with.components()).containsExactly(Component.values());
        assertThat(with.infrastructure()).containsExactly(Component.POSTGRES, Component.KAFKA, Component.MONGO,
                Component.REGISTRY);
        assertThat(without.components()).hasSize(Component.values().length - 1).doesNotContain(Component.REGISTRY);
        assertThat(without.infrastructure()).containsExactly(Component.POSTGRES, Component.KAFKA, Component.MONGO);
        assertThat(without.withPorts(Map.of(SuitePort.KAFKA, 39092)).components()).doesNotContain(Component.REGISTRY);
    }

    @Test
    void dockerRegistryIsFoundAtDebiansPathFirstThenOnThePath(@TempDir Path dir) throws Exception {
        // given
        Path debian = dir.resolve("usr-bin/docker-registry");
        Path onPath = Files.createDirectories(dir.resolve("opt/bin")).resolve("docker-registry");
        Path notExecutable = Files.createDirectories(dir.resolve("elsewhere")).resolve("docker-registry");
        Files.writeString(onPath, "#!/bin/sh\n");
        Files.setPosixFilePermissions(onPath, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(notExecutable, "");
        String path = dir.resolve("elsewhere") + File.pathSeparator + dir.resolve("opt/bin");

        // when / then
        assertThat(SuiteConfig.findRegistry(debian, path)).contains(onPath);
        assertThat(SuiteConfig.findRegistry(debian, dir.resolve("elsewhere").toString())).isEmpty();
        assertThat(SuiteConfig.findRegistry(debian, null)).isEmpty();
        Files.createDirectories(debian.getParent());
        Files.copy(onPath, debian);
        assertThat(SuiteConfig.findRegistry(debian, path)).contains(debian);
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
    void theRegistrysPortClashesOnlyWhenTheRegistryRuns() {
        Map<String, String> streamOn5000 = Map.of("IMAGESTREAMS_STREAM_PORT", "5000");

        assertThatThrownBy(() -> SuiteConfig.from(streamOn5000, PROJECT, Optional.of(Path.of("/usr/bin/docker-registry"))))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("stream-service and registry are both set to port 5000")
                .hasMessageContaining("IMAGESTREAMS_REGISTRY_PORT");
        assertThat(SuiteConfig.from(streamOn5000, PROJECT, Optional.empty()).port(Component.STREAM_SERVICE)).isEqualTo(5000);
    }

    @Test
    void recordedPortsReplaceTheConfiguredOnes() {
        SuiteConfig config = SuiteConfig.from(Map.of(), PROJECT).withPorts(Map.of(SuitePort.KAFKA, 39092));

        assertThat(config.port(Component.KAFKA)).isEqualTo(39092);
        assertThat(config.port(Component.MONGO)).isEqualTo(27117);
    }
}
