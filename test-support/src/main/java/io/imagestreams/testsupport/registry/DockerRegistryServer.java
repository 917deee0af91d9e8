package io.imagestreams.testsupport.registry;

import io.imagestreams.launcher.ChildProcess;
import io.imagestreams.launcher.FreePorts;
import io.imagestreams.launcher.RegistryConfig;
import io.imagestreams.testsupport.InfraProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) on a free loopback port, with filesystem
 * storage in a throw-away folder, deletes enabled, and optionally HTTPS with a self-signed certificate, htpasswd or
 * token auth and push notifications. {@link #close()} stops it and removes its data.
 */
public final class DockerRegistryServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** Who may use the registry. */
    public enum AuthMode { NONE, BASIC, TOKEN }

    /**
     * A push notification endpoint ({@code notifications.endpoints[]}): the registry POSTs event envelopes to
     * {@code url} with {@code headers}, retrying after {@code backoff} once {@code threshold} failures happened.
     */
    public record NotificationEndpoint(String name, URI url, Map<String, String> headers, Duration timeout,
            int threshold, Duration backoff) {

        public static NotificationEndpoint to(URI url, Map<String, String> headers) {
            return new NotificationEndpoint("imagestreams", url, headers, Duration.ofSeconds(2), 3,
                    Duration.ofSeconds(1));
        }
    }

    private final ChildProcess process;
    private final Path directory;
    private final int port;
    private final AuthMode authMode;
    private final SelfSignedCertificate certificate;

    private DockerRegistryServer(Builder builder) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("the container registry binary " + BINARY + " is missing: install Debian's"
                    + " docker-registry package (apt-get install -y docker-registry) to run the registry tests");
        }
        this.directory = InfraProcesses.tempDir("docker-registry-");
        this.port = FreePorts.next();
        this.authMode = builder.authMode;
        try {
            this.certificate = builder.tls ? SelfSignedCertificate.generate(directory) : null;
        } catch (GeneralSecurityException e) {
            InfraProcesses.deleteRecursively(directory);
            throw new IllegalStateException("cannot make the registry's TLS certificate", e);
        }
        Path config = directory.resolve("config.yml");
        Files.writeString(config, configYaml(builder));
        this.process = InfraProcesses.start("docker-registry", List.of(BINARY.toString(), "serve", config.toString()));
        try {
            HttpClient.Builder clientBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
            sslContext().ifPresent(clientBuilder::sslContext);
            HttpClient client = clientBuilder.build();
            process.awaitReady(START_TIMEOUT, () -> answersV2(client));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A registry without auth. */
    public static DockerRegistryServer start() {
        return builder().start();
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://…} for a registry started with {@link Builder#tls()}. */
    public URI url() {
        return URI.create((certificate == null ? "http://" : "https://") + hostPort());
    }

    /** For a registry started with {@link Builder#tls()}: a context trusting its self-signed certificate. */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::trusting);
    }

    /** An anonymous pusher for this registry, trusting its certificate when it serves HTTPS. */
    public RegistryPusher pusher() {
        RegistryPusher pusher = new RegistryPusher(url());
        return sslContext().map(pusher::trusting).orElse(pusher);
    }

    /** {@code 127.0.0.1:<port>}, the registry part of pull specs. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public AuthMode authMode() {
        return authMode;
    }

    /** The registry's log (access log off, level warn). */
    public String logTail(int lines) {
        return process.tail(lines);
    }

    @Override
    public void close() {
        InfraProcesses.stop(process);
        InfraProcesses.deleteRecursively(directory);
    }

    private Optional<Boolean> answersV2(HttpClient client) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url().resolve("/v2/"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 || response.statusCode() == 401 ? Optional.of(true) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the registry", e);
        }
    }

    private String configYaml(Builder builder) throws IOException {
        RegistryConfig config = RegistryConfig.listeningOn(hostPort(), directory.resolve("data"));
        if (certificate != null) {
            config.tls(certificate.certificate(), certificate.key());
        }
        switch (builder.authMode) {
            case BASIC -> {
                Path htpasswd = directory.resolve("htpasswd");
                StringBuilder lines = new StringBuilder();
                // the registry accepts bcrypt hashes only; cost 5 keeps each request's check cheap
                builder.users.forEach((user, password) ->
                        lines.append(user).append(':').append(BCrypt.hashpw(password, BCrypt.gensalt(5))).append('\n'));
                Files.writeString(htpasswd, lines.toString());
                config.htpasswd(builder.basicRealm, htpasswd);
            }
            case TOKEN -> {
                TokenServer tokens = builder.tokenServer;
                config.token(tokens.realm(), tokens.service(), tokens.issuer(), tokens.certificateBundle());
            }
            case NONE -> {
            }
        }
        for (NotificationEndpoint endpoint : builder.endpoints) {
            config.notify(new RegistryConfig.Endpoint(endpoint.name(), endpoint.url(), endpoint.headers(),
                    endpoint.timeout(), endpoint.threshold(), endpoint.backoff(), List.of()));
        }
        return config.yaml();
    }

    public static final class Builder {
        private AuthMode authMode = AuthMode.NONE;
        private final Map<String, String> users = new LinkedHashMap<>();
        private String basicRealm = "imagestreams-test-registry";
        private TokenServer tokenServer;
        private final List<NotificationEndpoint> endpoints = new ArrayList<>();
        private boolean tls;

        /**
         * Serves HTTPS only, with a self-signed certificate for {@code 127.0.0.1} and {@code localhost} made at
         * start: clients that verify certificates refuse it unless they trust {@link #sslContext()}.
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** htpasswd auth with these users and passwords. */
        public Builder basicAuth(Map<String, String> users) {
            this.authMode = AuthMode.BASIC;
            this.users.putAll(users);
            return this;
        }

        /** Token auth through {@code tokenServer} (its realm, service, issuer and certificate). */
        public Builder tokenAuth(TokenServer tokenServer) {
            this.authMode = AuthMode.TOKEN;
            this.tokenServer = tokenServer;
            return this;
        }

        public Builder notifications(NotificationEndpoint endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        public DockerRegistryServer start() {
            try {
                return new DockerRegistryServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
