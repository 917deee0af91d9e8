package io.imagestreams.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real processes for the tests: a JVM that idles until stopped, carrying whatever options a test needs. */
final class TestProcesses {

    private TestProcesses() {
    }

    /** The command of an idle JVM; {@code jvmOptions} end up on its command line (e.g. a component marker). */
    static List<String> idleJvm(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaExecutable());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Idle.class.getName()));
        return command;
    }

    static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pid that no process has any more. */
    static long deadPid() {
        Process process = start(List.of("true"));
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.pid();
    }

    static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void destroy(Process process) {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Main class of {@link #idleJvm}. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("idle");
            Thread.currentThread().join();
        }
    }
}
