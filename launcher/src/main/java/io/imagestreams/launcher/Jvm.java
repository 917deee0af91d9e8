package io.imagestreams.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The java executable for child JVMs: the one running this launcher, so every process uses the same JDK. */
final class Jvm {

    private Jvm() {
    }

    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
