package io.imagestreams.stream.rest.discovery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Responses whose body depends on {@code Accept}, marked so that HTTP caches (kubectl's included) keep them apart. */
final class DiscoveryResponses {

    private DiscoveryResponses() {
    }

    /**
     * The Content-Type is set as text because {@code MediaType} would sort its parameters; this way it reads
     * exactly as the Kubernetes API server writes it ({@code g}, {@code v}, {@code as}) for clients that compare
     * it as text.
     */
    static Response negotiated(Object body, String contentType) {
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
