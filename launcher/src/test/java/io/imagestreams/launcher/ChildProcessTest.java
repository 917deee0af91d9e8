package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    private ChildProcess child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aChildThatExitsBeforeItIsReadyIsNamedWithItsLogTail() {
        child = new ChildProcess("flaky-server", List.of("sh", "-c", "echo 'bind failed: address in use'; exit 3"),
                dir.resolve("flaky.log"), dir.resolve("flaky.pid")).start();

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30), Optional::empty))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("flaky-server exited before it was ready")
                .hasMessageContaining(dir.resolve("flaky.log").toString())
                .hasMessageContaining("bind failed: address in use");
    }

    @Test
    void theLogTailShowsOnlyTheLatestRun() throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, "line of an earlier run\n", StandardCharsets.UTF_8);
        child = new ChildProcess("server", List.of("sh", "-c", "echo 'line of this run'; exit 1"), log, null).start();

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30), Optional::empty))
                .hasMessageContaining("line of this run")
                .hasMessageNotContaining("earlier run");
    }

    @Test
    void aChildThatIsNotReadyInTimeIsReportedWithTheTimeout() {
        child = new ChildProcess("slow-server", List.of("sh", "-c", "echo 'still warming up'; exec sleep 60"),
                dir.resolve("slow.log"), null).start();

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(1), Optional::empty))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("slow-server was not ready after 1 s")
                .hasMessageContaining("still warming up");
        assertThat(child.isAlive()).as("a timeout leaves stopping to the caller").isTrue();
    }

    @Test
    void readinessReturnsTheValueTheCheckYields() {
        child = new ChildProcess("server", List.of("sh", "-c", "echo 'IMAGESTREAMS-INFRA-READY server=x port=4711'; exec sleep 60"),
                dir.resolve("server.log"), null).start();

        assertThat(child.awaitInfraReady(Duration.ofSeconds(30))).isEqualTo(4711);
    }

    @Test
    void stopLeavesNeitherTheProcessNorItsChildrenNorThePidFile() throws Exception {
        Path pidFile = dir.resolve("run/stubborn.pid");
        // ignores SIGTERM, as does its child: both need the SIGKILL after the grace period
        child = new ChildProcess("stubborn", List.of("sh", "-c", "trap '' TERM; sleep 60 & wait"),
                dir.resolve("stubborn.log"), pidFile).start();
        assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(child.pid()));
        ProcessHandle process = child.handle().orElseThrow();
        List<ProcessHandle> descendants = child.awaitReady(Duration.ofSeconds(10), () -> {
            List<ProcessHandle> started = process.descendants().toList();
            return started.isEmpty() ? Optional.empty() : Optional.of(started);
        });

        child.stop(Duration.ofMillis(300));

        assertThat(Processes.isRunning(process)).isFalse();
        assertThat(descendants).noneMatch(Processes::isRunning);
        assertThat(pidFile).doesNotExist();
    }
}
