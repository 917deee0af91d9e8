package io.imagestreams.stream.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;

/**
 * Authentication and authorization of every API request when {@code imagestreams.auth.mode=jwt} (DESIGN §6): a
 * JWT bearer token names the user and their grants; a request without a valid one is {@code 401}, a request its
 * grants do not allow is {@code 403}, both as Kubernetes {@code Status}. Discovery needs only a valid token.
 *
 * <p>A route ahead of every other one, so that it guards the REST resources and the watch route alike. The health,
 * metrics and OpenAPI endpoints under {@code /q} are not API requests and stay open for probes and scrapers.
 */
@ApplicationScoped
public class AuthorizationRoute {

    static final String GROUP = "image.openshift.io";
    /** Ahead of the watch route and the REST resources. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10;

    private final boolean enabled;
    private final TokenVerifier verifier;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry registry;

    public AuthorizationRoute(StreamServiceConfig config, SigningKeys keys, ObjectMapper mapper, Clock clock, MeterRegistry registry) {
        Auth.Jwt jwt = config.auth().jwt();
        this.enabled = config.auth().mode() == Auth.Mode.JWT;
        this.verifier = new TokenVerifier(keys::candidates, jwt.issuer().orElse(""), jwt.audience(), jwt.usernameClaim(), jwt.rolesClaim(),
                jwt.groupsClaim(), jwt.groupRoles());
        this.mapper = mapper;
        this.clock = clock;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).setName("authorization").handler(this::authorize);
        }
    }

    private void authorize(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/q") || path.startsWith("/q/")) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            refuse(ctx, "Unauthenticated", Status.unauthorized("Unauthorized"));
            return;
        }
        Identity identity;
        try {
            identity = verifier.verify(header.substring(7).trim(), clock.instant());
        } catch (InvalidToken e) {
            Log.debugf("refused a bearer token: %s", e.getMessage());
            refuse(ctx, "InvalidToken", Status.unauthorized("Unauthorized"));
            return;
        }
        String watch = ctx.request().getParam("watch");
        Optional<RequestAttributes> attributes = RequestAttributes.of(ctx.request().method().name(), path,
                "true".equals(watch) || "1".equals(watch));
        if (attributes.isEmpty() || identity.allows(attributes.get().verb(), attributes.get().resource(), attributes.get().namespace())) {
            ctx.next(); // no attributes: discovery and the API's OpenAPI document, for any authenticated user
            return;
        }
        RequestAttributes what = attributes.get();
        String resource = what.resource().contains("/") ? what.resource().substring(0, what.resource().indexOf('/')) : what.resource();
        Log.debugf("refused %s: %s", identity.user(), what.refusal(identity.user()));
        refuse(ctx, "Forbidden", Status.forbidden(GROUP, resource, what.name(), what.refusal(identity.user())));
    }

    private void refuse(RoutingContext ctx, String reason, Status status) {
        Counter.builder("imagestreams.auth.refusals").tag("reason", reason).register(registry).increment();
        String body;
        try {
            body = mapper.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + status.getCode() + "}";
        }
        ctx.response().setStatusCode(status.getCode()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }
}
