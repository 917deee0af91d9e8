package io.imagestreams.stream.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.meta.Status;
import io.imagestreams.stream.auth.AccessRequest;
import io.imagestreams.stream.auth.Authentication;
import io.imagestreams.stream.auth.Authenticator;
import io.imagestreams.stream.auth.Authorizer;
import io.imagestreams.stream.auth.BearerTokens;
import io.imagestreams.stream.auth.Decision;
import io.imagestreams.stream.auth.FrontProxyHeaders;
import io.imagestreams.stream.auth.Identity;
import io.imagestreams.stream.auth.RequestAttributes;
import io.imagestreams.stream.auth.SubjectAccessReviews;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Authentication and authorization of every API request (DESIGN §6), the one place that decides: who is asking comes
 * from an {@link Authenticator}, whether they may from an {@link Authorizer}, both chosen by
 * {@code imagestreams.auth.mode}:
 * <ul>
 * <li>{@code jwt} (standalone): a JWT bearer token names the user and their grants, which decide;</li>
 * <li>{@code front-proxy} (aggregated API server): the cluster's API server names the user in the front-proxy
 * headers, believed only with its client certificate, and a SubjectAccessReview decides.</li>
 * </ul>
 * No identity is {@code 401}; a refusal, or a decision that could not be made, is {@code 403}; both as Kubernetes
 * {@code Status}. With {@code none} the route is not installed.
 *
 * <p>A route ahead of every other one, so that it guards the REST resources and the watch route alike. The health,
 * metrics and OpenAPI endpoints under {@code /q} are not API requests and stay open for probes and scrapers.
 */
@ApplicationScoped
public class AuthorizationRoute {

    static final String GROUP = "image.openshift.io";
    /** Ahead of the watch route and the REST resources. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10;

    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public AuthorizationRoute(StreamServiceConfig config, BearerTokens bearerTokens, FrontProxyHeaders frontProxy,
            SubjectAccessReviews reviews, ObjectMapper mapper, MeterRegistry registry) {
        Auth.Mode mode = config.auth().mode();
        this.authenticator = switch (mode) {
            case JWT -> bearerTokens;
            case FRONT_PROXY -> frontProxy;
            case NONE -> null;
        };
        this.authorizer = switch (mode) {
            case JWT -> Authorizer.GRANTS;
            case FRONT_PROXY -> reviews;
            case NONE -> null;
        };
        this.mapper = mapper;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        if (authenticator != null) {
            router.route().order(ORDER).setName("authorization").handler(this::authorize);
        }
    }

    private void authorize(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/q") || path.startsWith("/q/")) {
            ctx.next();
            return;
        }
        Authentication authentication = authenticator.authenticate(ctx.request());
        if (!authentication.authenticated()) {
            refuse(ctx, authentication.refusal(), Status.unauthorized("Unauthorized"));
            return;
        }
        Identity identity = authentication.identity();
        String watch = ctx.request().getParam("watch");
        AccessRequest request = AccessRequest.of(ctx.request().method().name(), path, "true".equals(watch) || "1".equals(watch));
        authorizer.authorize(identity, request).onComplete(decision -> decided(ctx, identity, request, decision));
    }

    private void decided(RoutingContext ctx, Identity identity, AccessRequest request, AsyncResult<Decision> decision) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return; // the client left while the decision was made
        }
        if (decision.failed()) {
            Log.warnf("refused %s %s of %s: authorization could not be checked: %s", ctx.request().method(), request.path(), identity.user(),
                    decision.cause().toString());
            refuse(ctx, "AuthorizationError", forbidden(request, "authorization could not be checked"));
            return;
        }
        if (decision.result().allowed()) {
            ctx.next();
            return;
        }
        String reason = decision.result().reason();
        String refusal = request.refusal(identity.user()) + (reason.isEmpty() ? "" : ": " + reason);
        Log.debugf("refused %s: %s", identity.user(), refusal);
        refuse(ctx, "Forbidden", forbidden(request, refusal));
    }

    /** {@code imagestreams.image.openshift.io "app" is forbidden: <cause>}, or {@code forbidden: <cause>} for a path. */
    private static Status forbidden(AccessRequest request, String cause) {
        RequestAttributes what = request.resource();
        return what == null ? Status.forbidden("", "", null, cause) : Status.forbidden(GROUP, what.baseResource(), what.name(), cause);
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
