package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.launcher.ChildProcess;
import io.imagestreams.launcher.Component;
import io.imagestreams.launcher.Processes;
import io.imagestreams.launcher.SuitePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Kafka broker of a running {@link PackagedSuite}, stopped and started again on its own while the rest of the
 * suite keeps running. The broker is restarted with the exact command line the launcher gave it (read from
 * {@code /proc/<pid>/cmdline} before it is stopped), appending to its log, and its pid file is rewritten so that
 * {@code ./suite status} and {@code ./suite down} find the new process.
 */
final class SuiteKafkaBroker {

    /** Printed by local-infra's servers once ready (io.imagestreams.infra.Ready). */
    private static final String READY_LINE = "IMAGESTREAMS-INFRA-READY server=kafka port=";
    /** On the command line of every suite child: tells the launcher the pid still belongs to the component. */
    private static final String COMPONENT_MARKER = "-Dlocal-suite.component=" + Component.KAFKA.displayName();

    private final PackagedSuite suite;
    private final List<String> commandLine;
    private long pid;

    private SuiteKafkaBroker(PackagedSuite suite, long pid, List<String> commandLine) {
        this.suite = suite;
        this.pid = pid;
        this.commandLine = commandLine;
    }

    /** The broker the suite's pid file names, with its command line as it runs now. */
    static SuiteKafkaBroker of(PackagedSuite suite) {
        long pid = suite.recordedPid(Component.KAFKA);
        assertThat(Processes.isRunning(pid)).as("kafka (pid " + pid + ") runs").isTrue();
        List<String> commandLine = commandLine(pid);
        assertThat(commandLine).as("command line of pid " + pid).contains(COMPONENT_MARKER);
        return new SuiteKafkaBroker(suite, pid, commandLine);
    }

    long pid() {
        return pid;
    }

    /** SIGTERM to the broker, then waits until it is gone (its shutdown hook stops the server cleanly). */
    void stop(Duration timeout) {
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("kafka (pid " + pid + ") is gone already"));
        assertThat(broker.destroy()).as("SIGTERM to kafka (pid " + pid + ")").isTrue();
        await("kafka (pid " + pid + ") to exit").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> !Processes.isRunning(broker));
    }

    /**
     * Waits until the broker's port has refused connections for {@code period} without a break: by then its clients
     * have noticed it is gone (they re-bootstrap and drop their metadata within a second).
     */
    void awaitAwayFor(Duration period) {
        int port = suite.port(SuitePort.KAFKA);
        await("kafka port " + port + " refusing connections for " + period.toMillis() + " ms").during(period)
                .atMost(period.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> !accepting(port));
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the broker again with the same command line, output appended to its log, records the new pid in the
     * suite's pid file and waits for the broker's ready line (its topics exist then).
     */
    void restart(Duration timeout) {
        assertThat(Processes.isRunning(pid)).as("kafka (pid " + pid + ") still runs").isFalse();
        Path log = suite.logFile(Component.KAFKA);
        // ChildProcess is what the launcher starts its children with: a start line in the log, output appended to
        // the log, the pid written to the pid file
        ChildProcess broker = new ChildProcess(Component.KAFKA.displayName(), commandLine, log, suite.pidFile(Component.KAFKA))
                .start();
        pid = broker.pid();
        await("kafka (pid " + pid + ") to be ready again").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .failFast("kafka (pid " + pid + ") exited; see " + log, () -> !broker.isAlive())
                .until(() -> ChildProcess.tail(log, Integer.MAX_VALUE).contains(READY_LINE));
        assertThat(suite.recordedPid(Component.KAFKA)).as("pid file " + suite.pidFile(Component.KAFKA)).isEqualTo(pid);
    }

    private static List<String> commandLine(long pid) {
        Path file = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            String raw = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            // NUL after each argument; split drops the trailing empty string
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
