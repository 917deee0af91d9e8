package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void importServiceTreatsTheSuitesRegistryAsPlainHttpWhenItRuns(@TempDir Path dataDir) {
        SuiteConfig withRegistry = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", dataDir.toString(),
                "IMAGESTREAMS_REGISTRY_PORT", "5050"), Path.of("/project"), Optional.of(Path.of("/usr/bin/docker-registry")));
        SuiteConfig withoutRegistry = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", dataDir.toString()),
                Path.of("/project"), Optional.empty());

        assertThat(new SuiteCommands(withRegistry, infra, Optional.empty()).serviceSettings(Component.IMPORT_SERVICE))
                .containsEntry("imagestreams.registries.insecure", "127.0.0.1:5050,localhost:5050");
        assertThat(new SuiteCommands(withRegistry, infra, Optional.empty()).serviceSettings(Component.STREAM_SERVICE))
                .doesNotContainKey("imagestreams.registries.insecure");
        assertThat(new SuiteCommands(withoutRegistry, infra, Optional.empty()).serviceSettings(Component.IMPORT_SERVICE))
                .doesNotContainKey("imagestreams.registries.insecure");
    }

    @Test
    void theRegistryServesItsConfigFromTheDataFolderWhoseNameMarksTheProcess(@TempDir Path dataDir) throws Exception {
        // given
        SuiteConfig withRegistry = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", dataDir.toString()),
                Path.of("/project"), Optional.of(Path.of("/opt/bin/docker-registry")));

        // when
        List<String> command = new SuiteCommands(withRegistry, infra, Optional.of("/usr/bin/setsid")).command(Component.REGISTRY);

        // then
        Path configFile = dataDir.resolve("run/local-suite-registry.yml");
        assertThat(command).containsExactly("/usr/bin/setsid", "/opt/bin/docker-registry", "serve", configFile.toString());
        assertThat(String.join(" ", command)).contains(Component.REGISTRY.commandLineMarker());
        assertThat(Files.readString(configFile))
                .contains("addr: \"127.0.0.1:5000\"")
                .contains("rootdirectory: \"" + dataDir.resolve("registry") + "\"");
        assertThat(Files.getPosixFilePermissions(configFile)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theRegistryAnnouncesPushesToImportServiceWithTheSuitesNotificationSecret(@TempDir Path dataDir) {
        // given
        SuiteConfig withRegistry = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", dataDir.toString(),
                "IMAGESTREAMS_IMPORT_PORT", "9181", "IMAGESTREAMS_REGISTRY_PORT", "5050"), Path.of("/project"),
                Optional.of(Path.of("/usr/bin/docker-registry")));
        String secret = SuiteSecrets.loadOrCreate(dataDir).notificationsSecret();

        // when
        String yaml = new SuiteCommands(withRegistry, infra, Optional.empty()).registryConfig().yaml();

        // then
        assertThat(yaml)
                .contains("http:\n  addr: \"127.0.0.1:5050\"\n")
                .contains("  host: \"http://127.0.0.1:5050\"\n")
                .contains("  delete:\n    enabled: true\n")
                .contains("      url: \"http://127.0.0.1:9181/api/v1/registry-events\"\n")
                .contains("        \"Authorization\": [\"Bearer " + secret + "\"]\n")
                .contains("      ignore:\n        actions:\n          - \"pull\"\n")
                .doesNotContain("auth:");
        assertThat(new SuiteCommands(withRegistry, infra, Optional.empty()).environment(Component.IMPORT_SERVICE))
                .containsEntry("IMAGESTREAMS_NOTIFICATIONS_SECRET", secret);
    }

    @Test
    void streamServiceIsToldTheSuitesTokenIssuerAndKey(@TempDir Path dataDir) {
        // given
        SuiteConfig local = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", dataDir.toString()), Path.of("/project"));

        // when
        Map<String, String> environment = new SuiteCommands(local, infra, Optional.empty()).environment(Component.STREAM_SERVICE);

        // then (trusted only when the suite runs with IMAGESTREAMS_AUTH_MODE=jwt)
        assertThat(environment).containsEntry("IMAGESTREAMS_AUTH_JWT_ISSUER", "imagestreams-local")
                .containsEntry("IMAGESTREAMS_AUTH_JWT_PUBLIC_KEY_LOCATION", dataDir.resolve("auth-public-key.pem").toString())
                .doesNotContainKey("IMAGESTREAMS_AUTH_MODE");
        assertThat(dataDir.resolve("auth-public-key.pem")).isRegularFile();
    }

    @Test
    void everyChildGetsASessionOfItsOwnWhenSetsidExists() {
        List<String> command = new SuiteCommands(config, infra, Optional.of("/usr/bin/setsid")).command(Component.IMPORT_SERVICE);

        assertThat(command.get(0)).isEqualTo("/usr/bin/setsid");
        assertThat(command.get(2)).isEqualTo("-Dlocal-suite.component=import-service");
    }
}
