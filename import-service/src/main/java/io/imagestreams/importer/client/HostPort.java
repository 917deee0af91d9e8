package io.imagestreams.importer.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registry address as written in a pull spec: {@code host}, {@code host:port}, {@code [v6]:port}.
 *
 * @param host the host name or address, lower case, without IPv6 brackets
 * @param port the port, or -1 when none was written
 */
public record HostPort(String host, int port) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public static HostPort parse(String registry) {
        String value = registry.toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            return new HostPort(host, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : -1);
        }
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon) {
            return new HostPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }
        return new HostPort(value, -1);
    }

    /** The address a literal IPv4/IPv6 host stands for, parsed without any name lookup; empty for a name. */
    public static Optional<InetAddress> literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // InetAddress parses an IPv4 dotted quad or anything with ':' as a literal and never looks those up
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The host as it goes into a URI: IPv6 literals in brackets. */
    public String uriHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** {@code host[:port]} as a URI authority. */
    public String authority() {
        return port < 0 ? uriHost() : uriHost() + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
