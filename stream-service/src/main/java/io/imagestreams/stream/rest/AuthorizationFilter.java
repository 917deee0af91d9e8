package io.imagestreams.stream.rest;

import io.imagestreams.api.meta.Status;
import io.imagestreams.stream.auth.Identity;
import io.imagestreams.stream.auth.RequestAttributes;
import io.imagestreams.stream.auth.SigningKeys;
import io.imagestreams.stream.auth.TokenVerifier;
import io.imagestreams.stream.auth.TokenVerifier.InvalidToken;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication and authorization of every API request when {@code imagestreams.auth.mode=jwt} (DESIGN §6):
 * a JWT bearer token names the user and their grants; a request without a valid one is {@code 401}, a request its
 * grants do not allow is {@code 403}, both as Kubernetes {@code Status}. Discovery needs only a valid token. The
 * health, metrics and OpenAPI endpoints under {@code /q} are not API requests and stay open.
 */
public class AuthorizationFilter {

    static final String GROUP = "image.openshift.io";

    private final boolean enabled;
    private final TokenVerifier verifier;
    private final Clock clock;
    private final MeterRegistry registry;

    public AuthorizationFilter(StreamServiceConfig config, SigningKeys keys, Clock clock, MeterRegistry registry) {
        Auth.Jwt jwt = config.auth().jwt();
        this.enabled = config.auth().mode() == Auth.Mode.JWT;
        this.verifier = new TokenVerifier(keys::candidates, jwt.issuer().orElse(""), jwt.audience(), jwt.usernameClaim(), jwt.rolesClaim(),
                jwt.groupsClaim(), jwt.groupRoles());
        this.clock = clock;
        this.registry = registry;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authorize(ContainerRequestContext request) {
        if (!enabled) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return refuse("Unauthenticated", Status.unauthorized("Unauthorized"));
        }
        Identity identity;
        try {
            identity = verifier.verify(header.substring(7).trim(), clock.instant());
        } catch (InvalidToken e) {
            Log.debugf("refused a bearer token: %s", e.getMessage());
            return refuse("InvalidToken", Status.unauthorized("Unauthorized"));
        }
        String watch = request.getUriInfo().getQueryParameters().getFirst("watch");
        Optional<RequestAttributes> attributes = RequestAttributes.of(request.getMethod(), request.getUriInfo().getPath(),
                "true".equals(watch) || "1".equals(watch));
        if (attributes.isEmpty()) {
            return Optional.empty(); // discovery and the API's OpenAPI document: any authenticated user
        }
        RequestAttributes what = attributes.get();
        if (identity.allows(what.verb(), what.resource(), what.namespace())) {
            return Optional.empty();
        }
        String resource = what.resource().contains("/") ? what.resource().substring(0, what.resource().indexOf('/')) : what.resource();
        Log.debugf("refused %s: %s", identity.user(), what.refusal(identity.user()));
        return refuse("Forbidden", Status.forbidden(GROUP, resource, what.name(), what.refusal(identity.user())));
    }

    private Optional<Response> refuse(String reason, Status status) {
        Counter.builder("imagestreams.auth.refusals").tag("reason", reason).register(registry).increment();
        return Optional.of(StatusExceptionMapper.render(status));
    }
}
