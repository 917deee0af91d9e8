package io.imagestreams.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./suite up|status|down|logs|token|help}: the local suite from the command line. Runs with only the launcher
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
              token [--user NAME] [--ttl DURATION] GRANT...
                                  print a bearer token for stream-service when the suite runs
                                  with IMAGESTREAMS_AUTH_MODE=jwt; GRANT is NAMESPACE:ROLE or
                                  *:ROLE (ROLE: view, edit, admin, image-pusher, image-pruner,
                                  registry-viewer, registry-editor); --user defaults to
                                  developer, --ttl to 8h (e.g. 30m, 2h)
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
                case "token" -> {
                    out.println(token(rest, configSource.load()));
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

    private static final java.util.regex.Pattern GRANT = java.util.regex.Pattern.compile(
            "(\\*|[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?):(view|edit|admin|image-pusher|image-pruner|registry-viewer|registry-editor)");
    private static final java.util.regex.Pattern TTL = java.util.regex.Pattern.compile("([1-9][0-9]*)([smhd])");

    private static String token(List<String> args, SuiteConfig config) {
        String user = "developer";
        java.time.Duration ttl = java.time.Duration.ofHours(8);
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--user") || arg.equals("--ttl")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                String value = args.get(++i);
                if (arg.equals("--user")) {
                    if (value.isBlank()) {
                        throw new UsageException("--user needs a name");
                    }
                    user = value;
                } else {
                    java.util.regex.Matcher matcher = TTL.matcher(value);
                    if (!matcher.matches()) {
                        throw new UsageException("--ttl takes a number and s, m, h or d, like 30m or 8h (not '" + value + "')");
                    }
                    long amount = Long.parseLong(matcher.group(1));
                    ttl = switch (matcher.group(2)) {
                        case "s" -> java.time.Duration.ofSeconds(amount);
                        case "m" -> java.time.Duration.ofMinutes(amount);
                        case "h" -> java.time.Duration.ofHours(amount);
                        default -> java.time.Duration.ofDays(amount);
                    };
                }
            } else if (GRANT.matcher(arg).matches()) {
                grants.add(arg);
            } else {
                throw new UsageException("'" + arg + "' is not a grant: write NAMESPACE:ROLE or *:ROLE, e.g. team-a:edit");
            }
        }
        if (grants.isEmpty()) {
            throw new UsageException("token needs at least one grant, e.g. ./suite token team-a:edit");
        }
        return LocalTokens.loadOrCreate(config.dataDir()).token(user, grants, ttl, java.time.Instant.now());
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
