package io.imagestreams.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The services' environment against what their sources read, and the Secrets behind it. */
class ServiceConfigurationTest {

    private static final ManifestSet BASE = ManifestSet.baseWithComponents();

    @Test
    void theSourcesAreReadAsTheServicesReadThem() {
        // guards the parsing the other checks rely on
        assertThat(Project.service("stream-service").mappedKeys())
                .contains("imagestreams.import-service.url", "imagestreams.import-service.lookup-timeout",
                        "imagestreams.registry.internal-hostname", "imagestreams.registry.public-hostname",
                        "imagestreams.max-spec-tags", "imagestreams.outbox.poll-interval", "stream-watch.poll-interval");
        assertThat(Project.service("import-service").mappedKeys())
                .contains("imagestreams.credentials.encryption-key", "imagestreams.notifications.secret",
                        "imagestreams.registries.allowed", "imagestreams.schedules.max-checks-per-minute");
        assertThat(Project.service("trigger-service").mappedKeys())
                .contains("imagestreams.kubernetes.enabled", "imagestreams.kubernetes.namespaces",
                        "imagestreams.webhooks.secret-encryption-key", "imagestreams.webhooks.targets.allowed-cidrs");
        assertThat(Project.service("prune-service").mappedKeys())
                .contains("imagestreams.kubernetes.enabled", "imagestreams.undo.window", "imagestreams.apply-timeout",
                        "imagestreams.registry.url");
        assertThat(Project.service("prune-service").injectedKeys()).contains("kafka.bootstrap.servers");
        assertThat(Project.service("stream-service").productionRequired())
                .containsExactlyInAnyOrder("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
                        "quarkus.datasource.username", "quarkus.datasource.password", "kafka.bootstrap.servers",
                        "imagestreams.import-service.url");
        assertThat(Project.service("import-service").productionRequired())
                .containsExactlyInAnyOrder("quarkus.mongodb.connection-string", "kafka.bootstrap.servers");
        assertThat(Project.service("import-service").topics())
                .containsExactlyInAnyOrder("image-import-requests", "image-import-requests-dlq", "image-stream-events",
                        "image-stream-events-dlq", "image-import-results");
        assertThat(Project.launcherImportServiceEnvironment())
                .containsExactlyInAnyOrder("IMAGESTREAMS_CREDENTIALS_ENCRYPTION_KEY", "IMAGESTREAMS_NOTIFICATIONS_SECRET");
        assertThat(Project.service("trigger-service").restRoots()).contains("/api/v1/triggers", "/api/v1/deliveries");
        assertThat(Project.envName("quarkus.datasource.reactive.url")).isEqualTo("QUARKUS_DATASOURCE_REACTIVE_URL");
    }

    @Test
    void everyVariableIsAPropertyTheServiceKnowsAndEveryProductionPropertyIsSet() {
        ManifestChecks.environment(BASE);
    }

    @Test
    void everySecretReferencedIsCreatedByTheScriptAndDocumented() {
        ManifestChecks.secrets(BASE);
    }
}
