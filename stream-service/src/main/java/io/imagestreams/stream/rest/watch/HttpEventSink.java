package io.imagestreams.stream.rest.watch;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** A watch as the API server streams it over HTTP: {@code application/json}, chunked, each event flushed. */
final class HttpEventSink implements EventSink {

    private final HttpServerResponse response;

    HttpEventSink(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void open() {
        response.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache, private");
        response.writeHead();
    }

    @Override
    public void write(String frame) {
        if (writable()) {
            response.write(frame);
        }
    }

    @Override
    public boolean writeQueueFull() {
        return writable() && response.writeQueueFull();
    }

    @Override
    public void onDrain(Runnable handler) {
        response.drainHandler(ignored -> {
            // one-shot: a continuation left registered would run again on a later drain
            response.drainHandler(null);
            handler.run();
        });
    }

    @Override
    public void onClose(Runnable handler) {
        response.closeHandler(ignored -> handler.run());
        response.exceptionHandler(ignored -> handler.run());
    }

    @Override
    public void end() {
        if (writable()) {
            response.end();
        }
    }

    @Override
    public void abort() {
        if (!response.closed()) {
            response.close();
        }
    }

    @Override
    public void reject(int code, String statusJson) {
        if (writable() && !response.headWritten()) {
            response.setStatusCode(code).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(statusJson);
        }
    }

    private boolean writable() {
        return !response.ended() && !response.closed();
    }
}
