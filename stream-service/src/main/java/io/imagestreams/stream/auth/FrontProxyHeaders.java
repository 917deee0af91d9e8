package io.imagestreams.stream.auth;

import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The aggregated API server mode's identity: the user the cluster's API server authenticated, named in the
 * front-proxy headers ({@code X-Remote-User}, {@code X-Remote-Group}, {@code X-Remote-Extra-<key>}), believed only
 * on a TLS connection whose client certificate is the front proxy's ({@link FrontProxyTls}). Headers on any other
 * connection are ignored: no certificate, a certificate of another CA or name, or plain HTTP is a {@code 401}.
 */
@ApplicationScoped
public class FrontProxyHeaders implements Authenticator {

    private final Auth.FrontProxy config;
    private final FrontProxyTls tls;

    public FrontProxyHeaders(StreamServiceConfig config, FrontProxyTls tls) {
        this.config = config.auth().frontProxy();
        this.tls = tls;
    }

    @Override
    public Authentication authenticate(HttpServerRequest request) {
        if (!request.isSSL()) {
            return Authentication.refused("NoClientCertificate");
        }
        HttpConnection connection = request.connection();
        List<Certificate> chain;
        try {
            chain = connection.peerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return Authentication.refused("NoClientCertificate");
        }
        if (chain == null || chain.isEmpty()) {
            return Authentication.refused("NoClientCertificate");
        }
        Optional<String> problem = tls.problem(chain, connection.sslSession());
        if (problem.isPresent()) {
            Log.debugf("front-proxy headers not believed: %s", problem.get());
            return Authentication.refused("UntrustedClientCertificate");
        }
        String user = null;
        for (String header : config.usernameHeaders()) {
            String value = request.getHeader(header.trim());
            if (value != null && !value.isEmpty()) {
                user = value;
                break;
            }
        }
        if (user == null) {
            return Authentication.refused("NoUserHeader");
        }
        List<String> groups = new ArrayList<>();
        for (String header : config.groupHeaders()) {
            request.headers().getAll(header.trim()).stream().filter(v -> !v.isEmpty()).forEach(groups::add);
        }
        return Authentication.of(new Identity(user, groups, List.of(), extra(request)));
    }

    /** {@code X-Remote-Extra-Scopes: a} → {@code scopes: [a]}; keys lower case and percent-decoded, as Kubernetes reads them. */
    private Map<String, List<String>> extra(HttpServerRequest request) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey();
            for (String prefix : config.extraHeadersPrefix()) {
                String p = prefix.trim();
                if (!p.isEmpty() && name.length() > p.length() && name.regionMatches(true, 0, p, 0, p.length())) {
                    extra.computeIfAbsent(unescape(name.substring(p.length())).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(header.getValue());
                    break;
                }
            }
        }
        return extra;
    }

    private static String unescape(String key) {
        try {
            return URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }
}
