package io.imagestreams.stream.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a request asks to do, as Kubernetes' authorizers see it: a resource request (its {@link RequestAttributes}),
 * or a non-resource request (discovery, the OpenAPI document) named by its path and the lower-case HTTP method.
 *
 * @param verb     the verb: {@code list}, {@code get}, ... for resources; {@code get}, {@code post}, ... for paths
 * @param path     the request path
 * @param resource the resource attributes, {@code null} for a non-resource request
 */
public record AccessRequest(String verb, String path, RequestAttributes resource) {

    /** The request {@code method} on {@code path} makes ({@code watch}: the {@code watch} parameter is set). */
    public static AccessRequest of(String method, String path, boolean watch) {
        Optional<RequestAttributes> attributes = RequestAttributes.of(method, path, watch);
        return attributes.map(a -> new AccessRequest(a.verb(), path, a))
                .orElseGet(() -> new AccessRequest(method.toLowerCase(Locale.ROOT), path, null));
    }

    public boolean isResourceRequest() {
        return resource != null;
    }

    /**
     * Kubernetes' wording of a refusal: {@code User "alice" cannot list resource "imagestreams" in API group ...},
     * or {@code User "alice" cannot get path "/apis"}.
     */
    public String refusal(String user) {
        return resource != null ? resource.refusal(user) : "User \"" + user + "\" cannot " + verb + " path \"" + path + "\"";
    }
}
