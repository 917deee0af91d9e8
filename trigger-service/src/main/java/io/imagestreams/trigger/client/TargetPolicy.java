package io.imagestreams.trigger.client;

import io.imagestreams.trigger.config.TriggerServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides whether a webhook URL may be called, before any connection: link-local addresses (cloud metadata
 * endpoints among them), unspecified and multicast addresses are refused unless an allowed CIDR or host pattern
 * says otherwise; public, private-range and loopback hosts are allowed. Every address a host name resolves to
 * must pass.
 */
@ApplicationScoped
public class TargetPolicy {

    static final List<Cidr> BUILT_IN_BLOCKED = Stream.of(
            "169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128", // link-local and cloud metadata
            "0.0.0.0/8", "::/128", // unspecified ("this network")
            "224.0.0.0/4", "ff00::/8", "255.255.255.255/32") // multicast and broadcast
            .map(Cidr::parse).toList();

    private final HostResolver resolver;
    private final List<Cidr> allowedCidrs;
    private final List<Cidr> blockedCidrs;
    private final List<Pattern> allowedHosts;
    private final List<Pattern> blockedHosts;

    public TargetPolicy(HostResolver resolver, TriggerServiceConfig config) {
        this.resolver = resolver;
        TriggerServiceConfig.Targets targets = config.webhooks().targets();
        this.allowedCidrs = targets.allowedCidrs().orElse(List.of()).stream().map(Cidr::parse).toList();
        this.blockedCidrs = Stream.concat(BUILT_IN_BLOCKED.stream(),
                targets.blockedCidrs().orElse(List.of()).stream().map(Cidr::parse)).toList();
        this.allowedHosts = targets.allowedHosts().orElse(List.of()).stream().map(TargetPolicy::hostPattern).toList();
        this.blockedHosts = targets.blockedHosts().orElse(List.of()).stream().map(TargetPolicy::hostPattern).toList();
    }

    /** The decision for one URL. */
    public record Decision(boolean allowed, String reason) {

        static Decision allow() {
            return new Decision(true, null);
        }

        static Decision refuse(String reason) {
            return new Decision(false, reason);
        }
    }

    /**
     * Checks {@code url}. With {@code unresolvedAllowed} a host name that does not resolve (yet) passes: at
     * registration nothing is known to be wrong with it, and every delivery checks again.
     */
    public Decision check(URI url, boolean unresolvedAllowed) {
        String host = hostOf(url);
        if (host == null) {
            return Decision.refuse("the URL has no host");
        }
        if (matches(allowedHosts, host)) {
            return Decision.allow();
        }
        if (matches(blockedHosts, host)) {
            return Decision.refuse("host " + host + " is blocked by imagestreams.webhooks.targets.blocked-hosts");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return unresolvedAllowed ? Decision.allow() : Decision.refuse("host " + host + " cannot be resolved");
        }
        if (addresses.isEmpty()) {
            return unresolvedAllowed ? Decision.allow() : Decision.refuse("host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return Decision.refuse(host.equals(address.getHostAddress()) ? refusal.get()
                        : "host " + host + " resolves to " + refusal.get().substring("address ".length()));
            }
        }
        return Decision.allow();
    }

    private Optional<String> refusal(InetAddress address) {
        if (allowedCidrs.stream().anyMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
        return blockedCidrs.stream().filter(c -> c.contains(address)).findFirst()
                .map(c -> "address " + address.getHostAddress() + ", which is in the blocked range " + c);
    }

    /** The host as a connection would use it: brackets off IPv6 literals, lower case, IDN in ASCII form. */
    static String hostOf(URI url) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.indexOf(':') >= 0 && host.indexOf('%') >= 0) {
            host = host.substring(0, host.indexOf('%')); // an IPv6 zone does not change which range the address is in
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return IDN.toASCII(host).toLowerCase(Locale.ROOT);
    }

    private static boolean matches(List<Pattern> patterns, String host) {
        return patterns.stream().anyMatch(p -> p.matcher(host).matches());
    }

    /** {@code *.example.com} matches any sub-domain of example.com; anything else matches exactly. */
    static Pattern hostPattern(String pattern) {
        String lower = pattern.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("*.")) {
            return Pattern.compile("(?:[^.]+\\.)+" + Pattern.quote(lower.substring(2)));
        }
        return Pattern.compile(Pattern.quote(lower));
    }
}
