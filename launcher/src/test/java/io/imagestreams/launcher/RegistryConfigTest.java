package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

    private static final Path STORAGE = Path.of("/data/registry");

    @Test
    void aPlainRegistryListensOnTheAddressStoresOnDiskAllowsDeletesAndHasNoAuthOrNotifications() {
        String yaml = RegistryConfig.listeningOn("127.0.0.1:5000", STORAGE).yaml();

        assertThat(yaml)
                .startsWith("version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .contains("storage:\n  filesystem:\n    rootdirectory: \"/data/registry\"\n  delete:\n    enabled: true\n")
                .contains("http:\n  addr: \"127.0.0.1:5000\"\n  secret: \"")
                .doesNotContain("auth:", "notifications:", "  host:", "tls:");
    }

    @Test
    void tlsNamesTheCertificateAndKeyUnderHttp() {
        String yaml = RegistryConfig.listeningOn("127.0.0.1:5000", STORAGE)
                .tls(Path.of("/r/tls.crt"), Path.of("/r/tls.key")).yaml();

        assertThat(yaml).containsPattern("http:\n  addr: \"127.0.0.1:5000\"\n  secret: \"[^\"]+\"\n"
                + "  tls:\n    certificate: \"/r/tls.crt\"\n    key: \"/r/tls.key\"\n");
    }

    @Test
    void notificationsCarryTheirHeadersAndIgnoredActions() {
        RegistryConfig.Endpoint endpoint = new RegistryConfig.Endpoint("import-service",
                URI.create("http://127.0.0.1:8081/api/v1/registry-events"), Map.of("Authorization", "Bearer a\"b\\c"),
                Duration.ofSeconds(2), 3, Duration.ofMillis(1500), List.of("pull"));

        String yaml = RegistryConfig.listeningOn("127.0.0.1:5000", STORAGE)
                .publicUrl(URI.create("http://127.0.0.1:5000"))
                .notify(endpoint)
                .yaml();

        assertThat(yaml)
                .contains("  host: \"http://127.0.0.1:5000\"\n")
                .contains("""
                        notifications:
                          events:
                            includereferences: true
                          endpoints:
                            - name: "import-service"
                              url: "http://127.0.0.1:8081/api/v1/registry-events"
                              timeout: 2000ms
                              threshold: 3
                              backoff: 1500ms
                              headers:
                                "Authorization": ["Bearer a\\"b\\\\c"]
                              ignore:
                                actions:
                                  - "pull"
                        """);
    }

    @Test
    void htpasswdAndTokenAuthNameTheirFiles() {
        String basic = RegistryConfig.listeningOn("127.0.0.1:5000", STORAGE).htpasswd("realm", Path.of("/r/htpasswd")).yaml();
        String token = RegistryConfig.listeningOn("127.0.0.1:5000", STORAGE)
                .token(URI.create("http://127.0.0.1:9000/token"), "registry", "issuer", Path.of("/r/certs.pem")).yaml();

        assertThat(basic).contains("auth:\n  htpasswd:\n    realm: \"realm\"\n    path: \"/r/htpasswd\"\n");
        assertThat(token).contains("auth:\n  token:\n    realm: \"http://127.0.0.1:9000/token\"\n    service: \"registry\"\n"
                + "    issuer: \"issuer\"\n    rootcertbundle: \"/r/certs.pem\"\n");
    }

    @Test
    void theWrittenFileIsTheOwnersOnlyAndReplacesAnEarlierOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run/registry.yml");
        RegistryConfig.listeningOn("127.0.0.1:5000", STORAGE).writeTo(file);

        RegistryConfig.listeningOn("127.0.0.1:5001", STORAGE).writeTo(file);

        assertThat(Files.readString(file)).contains("127.0.0.1:5001").doesNotContain("127.0.0.1:5000");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
