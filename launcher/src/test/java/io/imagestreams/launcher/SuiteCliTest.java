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
