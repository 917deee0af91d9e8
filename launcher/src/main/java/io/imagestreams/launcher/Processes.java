package io.imagestreams.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Questions about processes that need not be children of this JVM (a detached suite's servers). */
public final class Processes {

    private Processes() {
    }

    /**
     * True while the process runs. A process that has exited but was not reaped yet (a zombie, common when the
     * init process of a container does not reap orphans) counts as gone: it holds no port and no file lock.
     */
    public static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !isZombie(process.pid());
    }

    public static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(Processes::isRunning).orElse(false);
    }

    /** True when the running process's command line contains {@code text} (false when it cannot be read). */
    public static boolean commandLineContains(ProcessHandle process, String text) {
        return commandLine(process).map(line -> line.contains(text)).orElse(false);
    }

    static Optional<String> commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        Optional<String> line = info.commandLine();
        if (line.isPresent()) {
            return line;
        }
        return info.arguments().map(args -> info.command().orElse("") + " " + String.join(" ", args));
    }

    /** Waits until the process is gone; true if it went within {@code timeout}. */
    static boolean awaitGone(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isRunning(process)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            ChildProcess.pause(Duration.ofMillis(50));
        }
        return true;
    }

    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
            String line = Files.readString(stat, StandardCharsets.US_ASCII);
            int end = line.lastIndexOf(')');
            return end > 0 && end + 2 < line.length() && line.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux) or the process just went: isAlive() has the last word
            return false;
        }
    }
}
