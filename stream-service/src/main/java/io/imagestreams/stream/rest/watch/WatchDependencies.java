package io.imagestreams.stream.rest.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.stream.service.ImageStreamService;
import io.imagestreams.stream.service.watch.WatchConfig;
import io.imagestreams.stream.service.watch.WatchHub;
import io.imagestreams.stream.service.watch.WatchLog;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What every watch session uses, handed over as one value. */
record WatchDependencies(WatchHub hub, WatchLog log, ImageStreamService streams, WatchConfig config, ObjectMapper mapper,
        Clock clock, Vertx vertx) {
}
