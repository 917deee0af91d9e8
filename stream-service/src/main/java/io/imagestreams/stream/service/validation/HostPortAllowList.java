package io.imagestreams.stream.service.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@link AllowedRegistries} from {@code host[:port]} glob entries, matched as OpenShift's registry whitelister. */
final class HostPortAllowList implements AllowedRegistries {

    /** OpenShift lists at most this many entries in a rejection, then counts the rest. */
    private static final int SHOWN_ENTRIES = 5;
    private static final String SECURE_PORT = "443";
    private static final String DOCKER_HUB = "docker.io";
    private static final List<String> DEFAULT_PORT_ENTRIES = List.of("80", "443", "*");
    private static final List<String> DOCKER_HUB_ALIASES = List.of("index.docker.io", "registry-1.docker.io");

    private final List<Entry> entries;

    HostPortAllowList(List<String> patterns) {
        List<Entry> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            Entry entry = Entry.parse(pattern);
            if (!parsed.contains(entry)) {
                parsed.add(entry);
            }
        }
        this.entries = List.copyOf(parsed);
    }

    @Override
    public boolean allows(String registry) {
        int colon = portSeparator(registry);
        String host = colon < 0 ? registry : registry.substring(0, colon);
        String port = colon < 0 ? "" : registry.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // Docker Hub's other names match entries written for docker.io as well
        if (DOCKER_HUB_ALIASES.contains(host) && matches(DOCKER_HUB, port)) {
            return true;
        }
        return matches(host, port);
    }

    @Override
    public String describe() {
        List<String> shown = entries.stream().map(Entry::toString).map(GoFormat::quote).toList();
        if (shown.size() <= SHOWN_ENTRIES) {
            return String.join(", ", shown);
        }
        return shown.subList(0, SHOWN_ENTRIES - 1).stream().collect(Collectors.joining(", "))
                + ", and " + (shown.size() - SHOWN_ENTRIES + 1) + " more ...";
    }

    private boolean matches(String host, String port) {
        for (Entry entry : entries) {
            if (!Wildcards.match(host, entry.host())) {
                continue;
            }
            // a registry named without a port is reached on a default port, which entries list as 80 or 443
            boolean portMatches = port.isEmpty() ? DEFAULT_PORT_ENTRIES.contains(entry.port())
                    : Wildcards.match(port, entry.port());
            if (portMatches) {
                return true;
            }
        }
        return false;
    }

    /** The index of the {@code :} before a port, ignoring the colons inside a bracketed IPv6 address. */
    private static int portSeparator(String registry) {
        int colon = registry.lastIndexOf(':');
        return colon > registry.lastIndexOf(']') ? colon : -1;
    }

    private record Entry(String host, String port) {

        static Entry parse(String pattern) {
            String[] parts = pattern.split(":", -1);
            return switch (parts.length) {
                case 1 -> new Entry(parts[0], SECURE_PORT);
                case 2 -> new Entry(parts[0], parts[1]);
                default -> throw new IllegalArgumentException(
                        "failed to parse allowed registry " + GoFormat.quote(pattern) + ": too many colons");
            };
        }

        /** As OpenShift prints entries; a host never holds a colon, since entries are split at it. */
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** OpenShift's {@code IsWildcardMatch}: {@code ?} is one character, {@code *} any run, case-sensitive. */
    private static final class Wildcards {

        static boolean match(String text, String pattern) {
            boolean[] previous = new boolean[text.length() + 1];
            previous[0] = true;
            for (int j = 1; j <= pattern.length(); j++) {
                char p = pattern.charAt(j - 1);
                boolean[] current = new boolean[text.length() + 1];
                current[0] = previous[0] && p == '*';
                for (int i = 1; i <= text.length(); i++) {
                    current[i] = p == '*' ? current[i - 1] || previous[i]
                            : previous[i - 1] && (p == '?' || p == text.charAt(i - 1));
                }
                previous = current;
            }
            return previous[text.length()];
        }
    }
}
