package io.imagestreams.importer.client;

import io.imagestreams.importer.client.RegistryException.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which registries imports may reach (DESIGN §8): host patterns from {@code imagestreams.registries.allowed}, and
 * address rules refusing link-local (with the cloud metadata addresses), unspecified and multicast addresses plus
 * {@code blocked-cidrs}, unless an {@code allowed-cidrs} range at least as specific allows them. Applied before any
 * connection: literal addresses are checked as written, names after one lookup (the JVM caches it, so the
 * connection that follows normally uses the same answer).
 */
public final class TargetPolicy {

    /** A range and why it is refused or allowed. */
    record AddressRule(Cidr range, boolean refuse, String why, boolean configured) {

        /** Whether this rule beats {@code other} for an address both cover. */
        boolean beats(AddressRule other) {
            if (range.prefixLength() != other.range.prefixLength()) {
                return range.prefixLength() > other.range.prefixLength();
            }
            if (configured != other.configured) {
                return configured;
            }
            return refuse && !other.refuse;
        }
    }

    static final List<AddressRule> BUILT_IN_REFUSALS = List.of(
            refuse("169.254.0.0/16", "link-local"),
            refuse("fe80::/10", "link-local"),
            refuse("169.254.169.254/32", "cloud metadata address"),
            refuse("fd00:ec2::254/128", "cloud metadata address"),
            refuse("0.0.0.0/8", "unspecified address"),
            refuse("::/128", "unspecified address"),
            refuse("224.0.0.0/4", "multicast"),
            refuse("ff00::/8", "multicast"));

    private final List<String> allowedHosts;
    private final List<AddressRule> rules;
    private final HostResolver resolver;

    public TargetPolicy(List<String> allowedHosts, List<String> blockedCidrs, List<String> allowedCidrs,
            HostResolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
        List<AddressRule> all = new ArrayList<>(BUILT_IN_REFUSALS);
        blockedCidrs.forEach(c -> all.add(new AddressRule(Cidr.parse(c), true, "imagestreams.registries.blocked-cidrs", true)));
        allowedCidrs.forEach(c -> all.add(new AddressRule(Cidr.parse(c), false, "imagestreams.registries.allowed-cidrs", true)));
        this.rules = List.copyOf(all);
        this.resolver = resolver;
    }

    /**
     * Refuses a registry that is not allowed by host pattern or whose addresses are refused.
     *
     * @param registry  the registry as written ({@code host[:port]}; Docker Hub as {@code docker.io}), for the
     *                  host patterns and messages
     * @param connectTo the host and port requests go to (Docker Hub: {@code registry-1.docker.io}); the host
     *                  patterns may also name it
     * @param reference the pull spec, for the error message of a failed lookup
     * @throws RegistryException {@link Reason#Forbidden} {@code forbidden: registry <host> blocked (...)}, or
     *                           {@link Reason#InternalError} when the name does not resolve
     */
    public void checkRegistry(String registry, HostPort connectTo, String reference) throws RegistryException {
        if (!allowedHosts.isEmpty() && !matchesAny(allowedHosts, HostPort.parse(registry))
                && !matchesAny(allowedHosts, connectTo)) {
            throw forbidden(registry, "not in imagestreams.registries.allowed");
        }
        checkAddresses(registry, connectTo.host(), reference);
    }

    /**
     * Refuses a host a registry sends us to (token realm, redirect) by the address rules; host patterns do not
     * apply there (Docker Hub's token service is not the registry host).
     */
    public void checkAddresses(String displayName, String host, String reference) throws RegistryException {
        InetAddress[] addresses = addressesOf(host, reference);
        for (InetAddress address : addresses) {
            Optional<AddressRule> refusal = decidingRule(address).filter(AddressRule::refuse);
            if (refusal.isPresent()) {
                AddressRule rule = refusal.get();
                throw forbidden(displayName, address.getHostAddress() + " is in " + rule.range() + ", " + rule.why());
            }
        }
    }

    /** Whether {@code registry} matches one of {@code patterns} ({@code *.domain}, {@code host}, {@code host:port}). */
    public static boolean matchesAny(List<String> patterns, HostPort registry) {
        for (String pattern : patterns) {
            if (matches(pattern.trim().toLowerCase(Locale.ROOT), registry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, HostPort registry) {
        HostPort wanted = HostPort.parse(pattern);
        if (wanted.port() >= 0 && wanted.port() != registry.port()) {
            return false;
        }
        String host = registry.host();
        if (wanted.host().startsWith("*.")) {
            return host.endsWith(wanted.host().substring(1));
        }
        return wanted.host().equals(host);
    }

    /**
     * The most specific rule covering {@code address}; on a tie a configured range beats a built-in one, and a
     * refusal beats an allowance.
     */
    private Optional<AddressRule> decidingRule(InetAddress address) {
        AddressRule best = null;
        for (AddressRule rule : rules) {
            if (!rule.range().contains(address)) {
                continue;
            }
            if (best == null || rule.beats(best)) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private InetAddress[] addressesOf(String host, String reference) throws RegistryException {
        Optional<InetAddress> literal = HostPort.literalAddress(host);
        if (literal.isPresent()) {
            return new InetAddress[] {literal.get()};
        }
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RegistryException(Reason.InternalError,
                    "Internal error occurred: " + reference + ": lookup " + host + ": no such host");
        }
    }

    private static RegistryException forbidden(String registry, String rule) {
        return new RegistryException(Reason.Forbidden, "forbidden: registry " + registry + " blocked (" + rule + ")");
    }

    private static AddressRule refuse(String cidr, String why) {
        return new AddressRule(Cidr.parse(cidr), true, why, false);
    }
}
