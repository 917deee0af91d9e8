package io.imagestreams.stream.service.validation;

import java.util.List;

/**
 * The registries images may come from (OpenShift's {@code allowedRegistriesForImport}). Validators consult it for
 * every pull spec a stream, tag or import names and reject the others with OpenShift's message,
 * {@code registry "quay.io" not allowed by whitelist: "docker.io:443"}. Pass none to skip the check.
 */
public interface AllowedRegistries {

    /**
     * Whether images may come from {@code registry}: a host, {@code host:port} or {@code [IPv6]:port}, written as
     * in the pull spec; Docker Hub is {@code docker.io} when the pull spec names no registry.
     */
    boolean allows(String registry);

    /** The allowed entries as the rejection lists them, e.g. {@code "quay.io:443", "docker.io:443"}; empty if none. */
    String describe();

    /** OpenShift's text for a registry that is not allowed. */
    default String rejection(String registry) {
        String entries = describe();
        if (entries.isEmpty()) {
            return "registry " + GoFormat.quote(registry) + " not allowed by empty whitelist";
        }
        return "registry " + GoFormat.quote(registry) + " not allowed by whitelist: " + entries;
    }

    /**
     * Registries matched as OpenShift matches {@code allowedRegistriesForImport} entries: {@code host} or
     * {@code host:port}, where both parts may use {@code *} and {@code ?} wildcards and a missing port means 443.
     *
     * @throws IllegalArgumentException if an entry has more than one {@code :}
     */
    static AllowedRegistries of(List<String> entries) {
        return new HostPortAllowList(entries);
    }
}
