package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteStateTest {

    @TempDir
    Path dataDir;

    private SuiteConfig config;
    private SuiteState state;
    private Process process;

    @BeforeEach
    void setUp() {
        config = SuiteConfig.from(Map.of("IMAGESTREAMS_DATA_DIR", dataDir.toString()), Path.of("."));
        state = new SuiteState(config);
    }

    @AfterEach
    void tearDown() {
        TestProcesses.destroy(process);
    }

    @Test
    void noPidFileMeansStopped() {
        assertThat(state.running(Component.KAFKA)).isEmpty();
        assertThat(state.runningComponents()).isEmpty();
    }

    @Test
    void aStalePidFileOfADeadProcessMeansStopped() {
        TestProcesses.writePid(config.pidFile(Component.KAFKA), TestProcesses.deadPid());

        assertThat(state.running(Component.KAFKA)).isEmpty();
    }

    @Test
    void aPidFileWithoutANumberMeansStopped() throws Exception {
        Files.createDirectories(config.runDir());
        Files.writeString(config.pidFile(Component.MONGO), "not a pid\n");

        assertThat(state.running(Component.MONGO)).isEmpty();
    }

    @Test
    void aPidNowUsedByAnUnrelatedProcessMeansStopped() {
        process = TestProcesses.start(TestProcesses.idleJvm());
        TestProcesses.writePid(config.pidFile(Component.KAFKA), process.pid());

        assertThat(state.running(Component.KAFKA)).isEmpty();
    }

    @Test
    void aPidOfARunningProcessMarkedAsTheComponentMeansRunning() {
        process = TestProcesses.start(TestProcesses.idleJvm(Component.KAFKA.commandLineMarker()));
        TestProcesses.writePid(config.pidFile(Component.KAFKA), process.pid());

        assertThat(state.running(Component.KAFKA)).map(ProcessHandle::pid).contains(process.pid());
        assertThat(state.running(Component.MONGO)).isEmpty();
        assertThat(state.runningComponents()).containsOnlyKeys(Component.KAFKA);
    }

    @Test
    void theMarkerOfAnotherComponentDoesNotCount() {
        process = TestProcesses.start(TestProcesses.idleJvm(Component.MONGO.commandLineMarker()));
        TestProcesses.writePid(config.pidFile(Component.KAFKA), process.pid());

        assertThat(state.running(Component.KAFKA)).isEmpty();
    }

    @Test
    void recordedPortsAreReadBack() {
        SuiteConfig moved = config.withPorts(Map.of(SuitePort.STREAM, 18080, SuitePort.MONGO, 37117));
        new SuiteState(moved).recordPorts();

        assertThat(state.recordedPorts()).containsEntry(SuitePort.STREAM, 18080).containsEntry(SuitePort.MONGO, 37117)
                .hasSize(SuitePort.values().length);
    }

    @Test
    void noStateFileMeansNoRecordedPorts() {
        assertThat(state.recordedPorts()).isEmpty();
    }

    @Test
    void aPostmasterPidFileOfADeadServerMeansNoPostgresLeft() {
        TestProcesses.writePid(config.postgresDataDir().resolve("postmaster.pid"), TestProcesses.deadPid());

        assertThat(state.postmaster()).isEmpty();
    }

    @Test
    void aPostmasterStillServingTheClusterIsFound() {
        process = TestProcesses.start(TestProcesses.idleJvm("-Dpostgres.data=" + config.postgresDataDir()));
        TestProcesses.writePid(config.postgresDataDir().resolve("postmaster.pid"), process.pid());

        assertThat(state.postmaster()).map(ProcessHandle::pid).contains(process.pid());
    }
}
