package io.imagestreams.importer.client;

import java.util.Optional;

/**
 * How to talk to the registry for one import.
 *
 * @param insecure    plain HTTP (falling back from HTTPS) or unverified TLS allowed for this registry
 * @param importMode  {@code Legacy} (pick one platform of a manifest list) or {@code PreserveOriginal}
 * @param preferArch  the architecture {@code Legacy} picks first from a manifest list (the target tag's
 *                    {@code importer.image.openshift.io/prefer-arch}; null: the configured default platform's)
 * @param preferOs    the OS {@code Legacy} picks first (the tag's {@code importer.image.openshift.io/prefer-os};
 *                    null: the configured default platform's)
 * @param credentials the pull credentials to use for a registry host, if any
 */
public record ImportOptions(boolean insecure, String importMode, String preferArch, String preferOs,
        CredentialLookup credentials) {

    public static final String LEGACY = "Legacy";
    public static final String PRESERVE_ORIGINAL = "PreserveOriginal";

    public ImportOptions {
        importMode = importMode == null || importMode.isEmpty() ? LEGACY : importMode;
        credentials = credentials == null ? CredentialLookup.NONE : credentials;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, LEGACY, null, null, CredentialLookup.NONE);
    }

    /** Pull credentials by registry host ({@code host[:port]} as written in the pull spec; Docker Hub as {@code docker.io}). */
    @FunctionalInterface
    public interface CredentialLookup {
        CredentialLookup NONE = registry -> Optional.empty();

        Optional<BasicCredentials> forRegistry(String registry);
    }

    /** A user name and password (or token) for HTTP basic or the token service. Never logged. */
    public record BasicCredentials(String username, String password) {
        @Override
        public String toString() {
            return "BasicCredentials[username=" + username + ", password=***]";
        }
    }
}
