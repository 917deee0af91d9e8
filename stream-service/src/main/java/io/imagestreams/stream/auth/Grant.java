package io.imagestreams.stream.auth;

import java.util.Optional;

/**
 * A role in a namespace, or in all of them ({@code *}): written {@code team-a:edit}, {@code *:view}, or a bare
 * role name, which means all namespaces ({@code registry-viewer}).
 */
public record Grant(String namespace, Role role) {

    public static final String ALL_NAMESPACES = "*";

    /** The grant {@code value} names, or empty when it names no known role (an unknown grant grants nothing). */
    public static Optional<Grant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        int colon = trimmed.lastIndexOf(':');
        String namespace = colon < 0 ? ALL_NAMESPACES : trimmed.substring(0, colon);
        if (namespace.isEmpty()) {
            return Optional.empty();
        }
        return Role.named(trimmed.substring(colon + 1)).map(role -> new Grant(namespace, role));
    }

    /**
     * Whether this grant allows {@code verb} on {@code resource} in {@code namespace} ({@code null}: across all
     * namespaces, or a cluster-scoped resource; only grants for all namespaces reach those).
     */
    public boolean allows(String verb, String resource, String namespace) {
        boolean inScope = ALL_NAMESPACES.equals(this.namespace) || this.namespace.equals(namespace);
        return inScope && role.allows(verb, resource);
    }

    @Override
    public String toString() {
        return namespace + ":" + role.roleName();
    }
}
