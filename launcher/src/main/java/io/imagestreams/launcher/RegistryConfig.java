package io.imagestreams.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code config.yml} of a docker-registry (distribution 2.8) on the loopback interface: filesystem storage,
 * deletes enabled, and optionally TLS, auth and push notifications. One writer for the suite's registry and the
 * tests' registries, so both are wired the same way.
 */
public final class RegistryConfig {

    /**
     * A push notification endpoint ({@code notifications.endpoints[]}): the registry POSTs event envelopes to
     * {@code url} with {@code headers}, retrying after {@code backoff} once {@code threshold} failures happened;
     * events of {@code ignoredActions} (e.g. {@code pull}) are not sent.
     */
    public record Endpoint(String name, URI url, Map<String, String> headers, Duration timeout, int threshold,
            Duration backoff, List<String> ignoredActions) {
    }

    private final String address;
    private final Path storage;
    private Optional<URI> publicUrl = Optional.empty();
    private String tls = "";
    private String auth = "";
    private final List<Endpoint> endpoints = new ArrayList<>();

    private RegistryConfig(String address, Path storage) {
        this.address = address;
        this.storage = storage;
    }

    /** A registry listening on {@code address} ({@code 127.0.0.1:5000}), storing under {@code storage}. */
    public static RegistryConfig listeningOn(String address, Path storage) {
        return new RegistryConfig(address, storage);
    }

    /**
     * The URL the registry names itself by ({@code http.host}): the host in notification target URLs, whatever
     * host name a client pushed to.
     */
    public RegistryConfig publicUrl(URI url) {
        this.publicUrl = Optional.of(url);
        return this;
    }

    /**
     * Serves HTTPS only ({@code http.tls}) with the PEM certificate (chain) in {@code certificateFile} and the PEM
     * private key in {@code keyFile}; a plain-HTTP request is answered 400.
     */
    public RegistryConfig tls(Path certificateFile, Path keyFile) {
        this.tls = "  tls:\n    certificate: " + quote(certificateFile.toString()) + "\n    key: " + quote(keyFile.toString())
                + "\n";
        return this;
    }

    /** htpasswd auth from {@code htpasswdFile} (bcrypt hashes only). */
    public RegistryConfig htpasswd(String realm, Path htpasswdFile) {
        this.auth = "auth:\n  htpasswd:\n    realm: " + quote(realm) + "\n    path: " + quote(htpasswdFile.toString()) + "\n";
        return this;
    }

    /** Token auth: clients get bearer tokens at {@code realm}, signed by a certificate of {@code certificateBundle}. */
    public RegistryConfig token(URI realm, String service, String issuer, Path certificateBundle) {
        this.auth = "auth:\n  token:\n    realm: " + quote(realm.toString()) + "\n    service: " + quote(service)
                + "\n    issuer: " + quote(issuer) + "\n    rootcertbundle: " + quote(certificateBundle.toString()) + "\n";
        return this;
    }

    public RegistryConfig notify(Endpoint endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    /**
     * The YAML; {@code http.secret} (which signs upload state) is new each time. The log level stays at warn:
     * at info the registry logs every request and each endpoint's headers, secret included.
     */
    public String yaml() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("version: 0.1\n")
                .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(quote(storage.toString()))
                .append("\n  delete:\n    enabled: true\n  cache:\n    blobdescriptor: inmemory\n")
                .append("http:\n  addr: ").append(quote(address)).append("\n  secret: ")
                .append(quote(UUID.randomUUID().toString())).append('\n');
        publicUrl.ifPresent(url -> yaml.append("  host: ").append(quote(url.toString())).append('\n'));
        yaml.append(tls);
        yaml.append(auth);
        if (!endpoints.isEmpty()) {
            yaml.append("notifications:\n  events:\n    includereferences: true\n  endpoints:\n");
            for (Endpoint endpoint : endpoints) {
                yaml.append("    - name: ").append(quote(endpoint.name()))
                        .append("\n      url: ").append(quote(endpoint.url().toString()))
                        .append("\n      timeout: ").append(endpoint.timeout().toMillis()).append("ms")
                        .append("\n      threshold: ").append(endpoint.threshold())
                        .append("\n      backoff: ").append(endpoint.backoff().toMillis()).append("ms\n");
                if (!endpoint.headers().isEmpty()) {
                    yaml.append("      headers:\n");
                    endpoint.headers().forEach((name, value) ->
                            yaml.append("        ").append(quote(name)).append(": [").append(quote(value)).append("]\n"));
                }
                if (!endpoint.ignoredActions().isEmpty()) {
                    yaml.append("      ignore:\n        actions:\n");
                    endpoint.ignoredActions().forEach(action -> yaml.append("          - ").append(quote(action)).append('\n'));
                }
            }
        }
        return yaml.toString();
    }

    /**
     * Writes the YAML to {@code file}, readable by its owner only (notification headers carry a secret), and
     * replaces an earlier one at once so a registry never reads half a file.
     */
    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
            Files.writeString(temporary, yaml(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
