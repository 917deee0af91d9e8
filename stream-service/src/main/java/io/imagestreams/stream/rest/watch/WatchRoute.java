package io.imagestreams.stream.rest.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.service.ImageStreamService;
import io.imagestreams.stream.service.watch.WatchConfig;
import io.imagestreams.stream.service.watch.WatchHub;
import io.imagestreams.stream.service.watch.WatchLog;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Serves image stream watches: {@code GET .../imagestreams?watch=true} (namespaced and cluster-wide) and the
 * legacy {@code /watch/...} paths. A Vert.x route rather than a JAX-RS method, because a watch is a long-lived
 * stream written event by event under backpressure (RESTEasy would serialise a Multi as one JSON array); it runs
 * before RESTEasy and hands every request that is not a watch on to it. Runs after the HTTP security filters.
 * <p>
 * WebSocket upgrades are declined with an empty 200, on which fabric8 (which tries a WebSocket first) switches to
 * its HTTP watch, as it does behind {@code kubectl proxy}: Quarkus never counts an upgraded request as finished,
 * so every WebSocket watch would hold graceful shutdown for its full timeout. A streaming 200 would not do either,
 * since a WebSocket client reads the whole refused response before giving up.
 */
@ApplicationScoped
public class WatchRoute {

    private static final String PATH = "/apis/image\\.openshift\\.io/v1/(?<legacy>watch/)?(?:namespaces/(?<namespace>[^/]+)/)?"
            + "imagestreams(?:/(?<name>[^/]+))?/?";

    private final WatchDependencies deps;

    public WatchRoute(WatchHub hub, WatchLog log, ImageStreamService streams, WatchConfig config, ObjectMapper mapper,
            Clock clock, Vertx vertx) {
        this.deps = new WatchDependencies(hub, log, streams, config, mapper, clock, vertx);
    }

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, PATH)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .setName("/apis/image.openshift.io/v1/imagestreams?watch")
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest http = ctx.request();
        String name = ctx.pathParam("name");
        boolean legacy = ctx.pathParam("legacy") != null;
        if (!legacy && (name != null || !watchRequested(http.getParam("watch")))) {
            ctx.next();
            return;
        }
        WatchRequest request;
        try {
            request = WatchRequest.parse(ctx.pathParam("namespace"), name, http::getParam, http.getHeader(HttpHeaders.ACCEPT));
        } catch (StatusException e) {
            reject(ctx, e.status());
            return;
        }
        if (isWebSocketUpgrade(http)) {
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end();
            return;
        }
        new WatchSession(ctx.vertx().getOrCreateContext(), new HttpEventSink(ctx.response()), request, deps).start();
    }

    private static boolean watchRequested(String watch) {
        if (watch == null || watch.isEmpty()) {
            return false;
        }
        try {
            return WatchRequest.parseBoolean("watch", watch);
        } catch (StatusException e) {
            return false;
        }
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String connection = request.getHeader(HttpHeaders.CONNECTION);
        return "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
                && connection != null && connection.toLowerCase().contains("upgrade");
    }

    private void reject(RoutingContext ctx, Status status) {
        ctx.response().setStatusCode(status.getCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(WatchFrames.json(deps.mapper(), status));
    }
}
