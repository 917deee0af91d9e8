package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void secretsAreMadeOnceAndKeptWithTheData() throws Exception {
        // when
        Map<String, String> first = SuiteSecrets.loadOrCreate(dataDir).importServiceEnvironment();
        Map<String, String> second = SuiteSecrets.loadOrCreate(dataDir).importServiceEnvironment();

        // then
        assertThat(second).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first.get("IMAGESTREAMS_CREDENTIALS_ENCRYPTION_KEY"))).hasSize(32);
        assertThat(first.get("IMAGESTREAMS_NOTIFICATIONS_SECRET")).isNotBlank();
        Path file = dataDir.resolve(SuiteSecrets.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anotherDataFolderHasOtherSecrets() throws Exception {
        // when
        Map<String, String> one = SuiteSecrets.loadOrCreate(dataDir.resolve("a")).importServiceEnvironment();
        Map<String, String> other = SuiteSecrets.loadOrCreate(dataDir.resolve("b")).importServiceEnvironment();

        // then
        assertThat(other.get("IMAGESTREAMS_CREDENTIALS_ENCRYPTION_KEY")).isNotEqualTo(one.get("IMAGESTREAMS_CREDENTIALS_ENCRYPTION_KEY"));
    }
}
