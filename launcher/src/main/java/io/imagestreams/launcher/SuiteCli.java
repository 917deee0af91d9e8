package io.imagestreams.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./suite up|status|down|logs|help}: the local suite from the command line. Runs with only the launcher
 * jar on the classpath. Exit codes: 0 done, 1 failed (or, for status, partly running), 2 bad usage, 3 (status)
 * nothing running.
 */
public final class SuiteCli {

    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: ./suite COMMAND

              up [--detach|-d]    start the infrastructure (with a registry where docker-registry is
                                  installed) and the four services; stays in the foreground
                                  (Ctrl-C stops everything) unless --detach is given
              status              show what runs (exit 0 all, 1 part, 3 nothing)
              down                stop everything that runs; the data stays
              logs [-f] NAME      print a component's log (-f: keep following it); NAME is one of
                                  %s
              build               build everything with Maven (./suite only)
              test                run every test (./suite only)
              help                this text

            Ports (environment variables, defaults in brackets): %s
            Data folder: %s [<project>/%s]
            """;

    private SuiteCli() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), SuiteConfig::fromEnvironment, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    interface ConfigSource {
        SuiteConfig load();
    }

    static int run(List<String> args, ConfigSource configSource, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(usage());
            return USAGE;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        try {
            switch (args.get(0)) {
                case "help", "-h", "--help" -> {
                    out.print(usage());
                    return 0;
                }
                case "up" -> {
                    boolean detach = rest.remove("--detach") | rest.remove("-d");
                    requireNoMore(rest);
                    new Suite(configSource.load(), out).up(detach);
                    return 0;
                }
                case "status" -> {
                    requireNoMore(rest);
                    return new Suite(configSource.load(), out).status();
                }
                case "down" -> {
                    requireNoMore(rest);
                    new Suite(configSource.load(), out).down();
                    return 0;
                }
                case "logs" -> {
                    boolean follow = rest.remove("-f") | rest.remove("--follow");
                    if (rest.size() != 1 || rest.get(0).startsWith("-")) {
                        throw new UsageException("logs takes one component name: " + Component.validNames());
                    }
                    new Suite(configSource.load(), out).logs(rest.get(0), follow);
                    return 0;
                }
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(usage());
            return USAGE;
        } catch (LaunchException e) {
            out.flush();
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static void requireNoMore(List<String> rest) {
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument(s): " + String.join(" ", rest));
        }
    }

    static String usage() {
        StringBuilder ports = new StringBuilder();
        for (SuitePort port : SuitePort.values()) {
            ports.append("\n  ").append(port.environmentVariable()).append(" [").append(port.defaultPort()).append("]");
        }
        return USAGE_TEXT.formatted(Component.validNames(), ports, SuiteConfig.DATA_DIR_VARIABLE,
                SuiteConfig.DEFAULT_DATA_FOLDER);
    }

    private static final class UsageException extends LaunchException {
        UsageException(String message) {
            super(message);
        }
    }
}
