package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import io.imagestreams.bench.Options.UsageException;

/** How every benchmark program ends on a bad command line (exit 2, with its usage) or a failed run (exit 1). */
final class CommandLine {

    /** A program's work, which may fail with {@link UsageException} or {@link BenchException}. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private CommandLine() {
    }

    static void run(String usage, Body body) throws Exception {
        try {
            body.run();
        } catch (UsageException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
        } catch (BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }
}
