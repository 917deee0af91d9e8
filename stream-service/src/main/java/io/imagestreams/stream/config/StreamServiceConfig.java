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

    /** Who may call the API (DESIGN §6): nobody is asked by default (the local suite); JWT bearer tokens when on. */
    Auth auth();

    interface Auth {
        /** {@code none} (every request allowed, the default of the local suite) or {@code jwt}. */
        @WithDefault("none")
        Mode mode();

        Jwt jwt();

        enum Mode {
            NONE,
            JWT
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
