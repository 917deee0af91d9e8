package io.imagestreams.stream.auth;

import io.vertx.core.http.HttpServerRequest;

/** Where the identity of a request comes from: a bearer token (standalone) or the front proxy (aggregated). */
public interface Authenticator {

    /** Runs on the event loop: must not block. */
    Authentication authenticate(HttpServerRequest request);
}
