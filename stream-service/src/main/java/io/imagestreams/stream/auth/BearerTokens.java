package io.imagestreams.stream.auth;

import io.imagestreams.stream.auth.TokenVerifier.InvalidToken;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The standalone mode's identity: a JWT bearer token of the configured issuer ({@code Authorization: Bearer ...}). */
@ApplicationScoped
public class BearerTokens implements Authenticator {

    private final TokenVerifier verifier;
    private final Clock clock;

    public BearerTokens(StreamServiceConfig config, SigningKeys keys, Clock clock) {
        Auth.Jwt jwt = config.auth().jwt();
        this.verifier = new TokenVerifier(keys::candidates, jwt.issuer().orElse(""), jwt.audience(), jwt.usernameClaim(), jwt.rolesClaim(),
                jwt.groupsClaim(), jwt.groupRoles());
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return Authentication.refused("Unauthenticated");
        }
        try {
            return Authentication.of(verifier.verify(header.substring(7).trim(), clock.instant()));
        } catch (InvalidToken e) {
            Log.debugf("refused a bearer token: %s", e.getMessage());
            return Authentication.refused("InvalidToken");
        }
    }
}
