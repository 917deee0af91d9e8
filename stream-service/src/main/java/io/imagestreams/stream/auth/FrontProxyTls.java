package io.imagestreams.stream.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.TrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * TLS for the aggregated API server mode ({@code imagestreams.auth.mode=front-proxy}): the HTTPS server asks every
 * client for a certificate, and the request-header client CA (a PEM file, or the cluster's
 * {@code kube-system/extension-apiserver-authentication} ConfigMap, read at start and every
 * {@code client-ca-refresh}) decides whether it is the front proxy's.
 *
 * <p>The handshake only proves that the client holds the key of the certificate it presents; the chain is verified
 * per request ({@link #problem}), as kube-apiserver's own request-header authenticator does, so that a certificate
 * of another CA gets a {@code 401 Status} instead of a failed handshake, and a changed CA applies without a restart.
 * Nothing else trusts a client certificate.
 */
@ApplicationScoped
public class FrontProxyTls implements HttpServerOptionsCustomizer {

    static final String NAMESPACE = "kube-system";
    static final String CONFIG_MAP = "extension-apiserver-authentication";
    static final String CA_KEY = "requestheader-client-ca-file";
    static final String NAMES_KEY = "requestheader-allowed-names";
    private static final String SESSION_KEY = "io.imagestreams.front-proxy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Auth.FrontProxy config;
    private final boolean enabled;
    private final boolean kubernetes;
    private final Instance<KubernetesClient> client;
    private final TlsConfigurationRegistry tlsConfigurations;
    private final AtomicReference<FrontProxyTrust> trust = new AtomicReference<>(FrontProxyTrust.NONE);
    private long timer = -1;

    public FrontProxyTls(StreamServiceConfig config, Instance<KubernetesClient> client, TlsConfigurationRegistry tlsConfigurations) {
        this.config = config.auth().frontProxy();
        this.enabled = config.auth().mode() == Auth.Mode.FRONT_PROXY;
        this.kubernetes = config.kubernetes().enabled();
        this.client = client;
        this.tlsConfigurations = tlsConfigurations;
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        if (enabled) {
            options.setClientAuth(ClientAuth.REQUEST);
            options.setTrustOptions(TrustOptions.wrap(new RequestedClientCertificates()));
        }
    }

    /** Whether the HTTPS server has a certificate: Quarkus' {@code quarkus.http.ssl.certificate.*}, or a TLS configuration. */
    private boolean https() {
        Config settings = ConfigProvider.getConfig();
        if (settings.getOptionalValue("quarkus.http.ssl.certificate.files", String.class).isPresent()
                || settings.getOptionalValue("quarkus.http.ssl.certificate.key-store-file", String.class).isPresent()) {
            return true;
        }
        Optional<TlsConfiguration> tls = settings.getOptionalValue("quarkus.http.tls-configuration-name", String.class)
                .flatMap(tlsConfigurations::get).or(tlsConfigurations::getDefault);
        return tls.map(TlsConfiguration::getKeyStoreOptions).isPresent();
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        if (!enabled) {
            return;
        }
        if (!kubernetes) {
            throw new IllegalStateException("imagestreams.auth.mode=front-proxy needs imagestreams.kubernetes.enabled=true:"
                    + " every request is authorized by a SubjectAccessReview of the cluster's API server");
        }
        if (!https()) {
            throw new IllegalStateException("imagestreams.auth.mode=front-proxy needs HTTPS: the cluster's API server forwards requests"
                    + " over TLS with its front-proxy client certificate (set quarkus.http.ssl.certificate.files and"
                    + " quarkus.http.ssl.certificate.key-files, or a default TLS configuration quarkus.tls.*)");
        }
        FrontProxyTrust loaded = read();
        trust.set(loaded);
        Log.infof("API authentication: aggregated API server; front-proxy headers %s / %s believed from client certificates of %d"
                + " request-header CA(s) from %s%s; authorization by SubjectAccessReview", config.usernameHeaders(), config.groupHeaders(),
                loaded.authorities().size(), loaded.source(), loaded.allowedNames().isEmpty() ? "" : " named " + loaded.allowedNames());
        timer = vertx.setPeriodic(config.clientCaRefresh().toMillis(), id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The CAs and names now in force. */
    public FrontProxyTrust trust() {
        return trust.get();
    }

    /**
     * Why the certificate {@code chain} of a connection is not the front proxy's; empty when it is. The answer is
     * kept with the TLS session until the CA changes or the certificate expires.
     */
    public Optional<String> problem(List<Certificate> chain, SSLSession session) {
        FrontProxyTrust current = trust.get();
        Date now = new Date();
        Object kept = session == null ? null : session.getValue(SESSION_KEY);
        if (kept instanceof Checked checked && checked.trust() == current
                && (checked.problem().isPresent() || checked.leaf().getNotAfter().after(now))) {
            return checked.problem();
        }
        Optional<String> problem = current.problem(chain, now);
        if (session != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf) {
            session.putValue(SESSION_KEY, new Checked(current, leaf, problem));
        }
        return problem;
    }

    private record Checked(FrontProxyTrust trust, X509Certificate leaf, Optional<String> problem) {
    }

    private void refresh() {
        try {
            FrontProxyTrust next = read();
            FrontProxyTrust current = trust.get();
            if (!next.authorities().equals(current.authorities()) || !next.allowedNames().equals(current.allowedNames())) {
                trust.set(next);
                Log.infof("request-header client CA changed: %d CA(s) from %s%s", next.authorities().size(), next.source(),
                        next.allowedNames().isEmpty() ? "" : " named " + next.allowedNames());
            }
        } catch (RuntimeException e) {
            Log.warnf("the request-header client CA could not be read again (%s); keeping the one read before", e.getMessage());
        }
    }

    /** Blocking. */
    private FrontProxyTrust read() {
        Optional<Path> file = config.clientCaFile();
        if (file.isPresent()) {
            try {
                return new FrontProxyTrust(FrontProxyTrust.parsePem(Files.readString(file.get())), config.allowedNames().orElse(List.of()),
                        file.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read imagestreams.auth.front-proxy.client-ca-file " + file.get(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("imagestreams.auth.front-proxy.client-ca-file " + file.get() + ": " + e.getMessage(), e);
            }
        }
        String where = "ConfigMap " + NAMESPACE + "/" + CONFIG_MAP;
        ConfigMap map = client.get().configMaps().inNamespace(NAMESPACE).withName(CONFIG_MAP).get();
        Map<String, String> data = map == null || map.getData() == null ? Map.of() : map.getData();
        String pem = data.get(CA_KEY);
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(where + " has no " + CA_KEY + ": the cluster's API server runs without a request-header"
                    + " client CA (--requestheader-client-ca-file), so it cannot forward requests to an aggregated API server;"
                    + " or set imagestreams.auth.front-proxy.client-ca-file");
        }
        List<String> names = config.allowedNames().orElseGet(() -> jsonList(data.get(NAMES_KEY)));
        try {
            return new FrontProxyTrust(FrontProxyTrust.parsePem(pem), names, where);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " " + CA_KEY + ": " + e.getMessage(), e);
        }
    }

    private static List<String> jsonList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(value, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(NAMES_KEY + " is not a JSON list of names: " + value);
        }
    }

    /**
     * Asks for a client certificate and lets any through the handshake (which proves the client holds its key);
     * {@link #problem} decides per request. Names the request-header CAs as the acceptable issuers, so that
     * clients holding several certificates pick the right one.
     */
    private final class RequestedClientCertificates extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // verified per request, against the CA then in force
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // verified per request
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // verified per request
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a server trust manager only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a server trust manager only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a server trust manager only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.get().authorities().toArray(X509Certificate[]::new);
        }
    }
}
