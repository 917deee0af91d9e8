package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteCliTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsTheCommandsTheComponentNamesAndTheVariables() {
        assertThat(run("help")).isZero();

        assertThat(stdout()).contains("up [--detach|-d]", "status", "down", "logs [-f] NAME", "stream-service (or stream)",
                "IMAGESTREAMS_KAFKA_CONTROLLER_PORT [19093]", "IMAGESTREAMS_REGISTRY_PORT [5000]", "IMAGESTREAMS_DATA_DIR");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(run()).isEqualTo(SuiteCli.USAGE);
        assertThat(run("start")).isEqualTo(SuiteCli.USAGE);

        assertThat(stderr()).contains("error: unknown command 'start'", "Usage: ./suite COMMAND");
    }

    @Test
    void unexpectedArgumentsAreAUsageError() {
        assertThat(run("down", "--force")).isEqualTo(SuiteCli.USAGE);
        assertThat(run("logs")).isEqualTo(SuiteCli.USAGE);

        assertThat(stderr()).contains("unexpected argument(s): --force", "logs takes one component name");
    }

    @Test
    void anExpectedFailureIsOneLineOfTextWithoutAStackTrace() {
        assertThat(run("logs", "nginx")).isEqualTo(SuiteCli.FAILED);

        assertThat(stderr()).startsWith("error: no component named 'nginx'").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBadVariableIsReportedAsAnError() {
        int code = SuiteCli.run(List.of("status"), () -> SuiteConfig.from(Map.of("IMAGESTREAMS_STREAM_PORT", "http"), dataDir),
                print(out), print(err));

        assertThat(code).isEqualTo(SuiteCli.FAILED);
        assertThat(stderr()).isEqualTo("error: IMAGESTREAMS_STREAM_PORT='http' is not a port number (1-65535)\n");
    }

    @Test
    void statusOfASuiteThatIsNotRunningExitsWithThree() {
        assertThat(run("status")).isEqualTo(Suite.NOTHING_RUNNING);
    }

    @Test
    void tokenPrintsAnEs256TokenWithTheGrantsSignedByTheDataFoldersKey() throws Exception {
        // when
        assertThat(run("token", "--user", "alice", "--ttl", "30m", "team-a:edit", "*:view")).isZero();

        // then it verifies with the public key stream-service is given, and says who and what
        String token = stdout().trim();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        java.security.PublicKey key = java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.X509EncodedKeySpec(
                java.util.Base64.getMimeDecoder().decode(java.nio.file.Files.readString(LocalTokens.publicKeyFile(dataDir))
                        .replaceAll("-----[A-Z ]+-----", "").trim())));
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(java.util.Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"imagestreams-local\"", "\"sub\":\"alice\"", "\"roles\":[\"team-a:edit\",\"*:view\"]");
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - iat).isEqualTo(1800);
    }

    @Test
    void tokenWithoutAGrantOrWithABadOneIsAUsageError() {
        assertThat(run("token")).isEqualTo(SuiteCli.USAGE);
        assertThat(run("token", "team-a:owner")).isEqualTo(SuiteCli.USAGE);
        assertThat(run("token", "--ttl", "forever", "team-a:view")).isEqualTo(SuiteCli.USAGE);

        assertThat(stderr()).contains("token needs at least one grant", "'team-a:owner' is not a grant", "--ttl takes a number");
    }

    private int run(String... args) {
        SuiteConfig config = SuiteConfig.from(Map.of(SuiteConfig.DATA_DIR_VARIABLE, dataDir.toString()), dataDir);
        return SuiteCli.run(List.of(args), () -> config, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
