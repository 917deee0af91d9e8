package io.imagestreams.stream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** stream-service settings under {@code imagestreams.*} (DESIGN §8). */
@ConfigMapping(prefix = "imagestreams")
public interface StreamServiceConfig {

    /** How stream-service reaches import-service for synchronous {@code imagestreamimports}. */
    ImportService importService();

    /** Registry host names written into stream status. */
    Registry registry();

    /** Most spec tags one stream may have (OpenShift has no limit; a bound keeps requests and rows sane). */
    @WithDefault("1000")
    int maxSpecTags();

    /** The outbox relay. */
    Outbox outbox();

    /**
     * Who may call the API (DESIGN §6): nobody is asked by default (the local suite); JWT bearer tokens, or the
     * cluster's API server in front (the aggregated API server mode), when on.
     */
    Auth auth();

    /** Access to the Kubernetes API (DESIGN §8): only the aggregated API server mode uses it. */
    Kubernetes kubernetes();

    interface Kubernetes {
        /** Off by default (the local suite); {@code imagestreams.auth.mode=front-proxy} needs it on. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Auth {
        /**
         * {@code none} (every request allowed, the default of the local suite), {@code jwt} (bearer tokens, grants
         * from claims) or {@code front-proxy} (an aggregated API server: identity from the cluster's API server,
         * decisions from SubjectAccessReviews).
         */
        @WithDefault("none")
        Mode mode();

        Jwt jwt();

        FrontProxy frontProxy();

        enum Mode {
            NONE,
            JWT,
            FRONT_PROXY
        }

        /**
         * The aggregated API server mode: the cluster's API server authenticates the user and forwards the request
         * over TLS with its front-proxy client certificate and the user in request headers; the headers are believed
         * only from a connection whose client certificate verifies against the request-header client CA.
         */
        interface FrontProxy {
            /**
             * PEM file with the request-header client CA(s) (kube-apiserver's {@code --requestheader-client-ca-file});
             * unset = read from the cluster's ConfigMap {@code kube-system/extension-apiserver-authentication} (key
             * {@code requestheader-client-ca-file}), as aggregated API servers do. Read again every
             * {@code client-ca-refresh}.
             */
            Optional<Path> clientCaFile();

            /**
             * Common names the front proxy's certificate may have ({@code --requestheader-allowed-names}); unset = the
             * ConfigMap's {@code requestheader-allowed-names} when the CA comes from the cluster, else any name.
             */
            Optional<List<String>> allowedNames();

            /** Headers naming the user, the first one present wins ({@code --requestheader-username-headers}). */
            @WithDefault("X-Remote-User")
            List<String> usernameHeaders();

            /** Headers with the user's groups, each may repeat ({@code --requestheader-group-headers}). */
            @WithDefault("X-Remote-Group")
            List<String> groupHeaders();

            /** Prefixes of the headers with the user's extra attributes ({@code --requestheader-extra-headers-prefix}). */
            @WithDefault("X-Remote-Extra-")
            List<String> extraHeadersPrefix();

            /** How often the client CA (file or ConfigMap) is read again. */
            @WithDefault("1m")
            Duration clientCaRefresh();

            /** How long an allowed SubjectAccessReview answer is reused (as kube's delegated authorization: 10 s). */
            @WithDefault("10s")
            Duration authorizedTtl();

            /** How long a denied SubjectAccessReview answer is reused. */
            @WithDefault("10s")
            Duration unauthorizedTtl();

            /** Most answers kept; the least recently used go first. */
            @WithDefault("10000")
            int cacheSize();
        }

        interface Jwt {
            /** The {@code iss} every token must carry; required in {@code jwt} mode. */
            Optional<String> issuer();

            /** A value the token's {@code aud} must contain; unset = not checked. */
            Optional<String> audience();

            /** PEM files with the public keys ({@code -----BEGIN PUBLIC KEY-----}, RSA or EC) tokens are signed with. */
            Optional<List<Path>> publicKeyLocation();

            /** A JWK Set URL (an OIDC provider's {@code jwks_uri}), fetched at start and refreshed. */
            Optional<URI> jwksUrl();

            /** How often the JWK Set is fetched again (also when a token names an unknown key, at most every 30 s). */
            @WithDefault("10m")
            Duration jwksRefresh();

            /** The claim that names the user. */
            @WithDefault("sub")
            String usernameClaim();

            /** The claim with the grants: {@code ["team-a:edit", "*:view", "registry-viewer"]} (or a space-separated string). */
            @WithDefault("roles")
            String rolesClaim();

            /** The claim with the user's groups. */
            @WithDefault("groups")
            String groupsClaim();

            /** Grants per group: {@code imagestreams.auth.jwt.group-roles.platform=*:registry-editor}. */
            Map<String, List<String>> groupRoles();
        }
    }

    interface Outbox {
        /** How often the relay looks for unpublished events (it also runs right after each commit). */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface ImportService {
        /** Base URL of import-service, e.g. {@code http://import-service:8081}. */
        Optional<URI> url();

        /** How long a synchronous {@code imagestreamimports} call waits for import-service's answer. */
        @WithDefault("60s")
        Duration lookupTimeout();
    }

    interface Registry {
        /** Host (and port) for {@code status.dockerImageRepository}; unset = no internal registry. */
        Optional<String> internalHostname();

        /** Host (and port) for {@code status.publicDockerImageRepository}; unset = omitted. */
        Optional<String> publicHostname();
    }
}
