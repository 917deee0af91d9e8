package io.imagestreams.stream.auth;

import java.util.Optional;

/**
 * What a request to {@code /apis/image.openshift.io/v1/...} does, as Kubernetes' RBAC sees it: the verb (from the
 * method, and for GET whether a name or {@code watch} is given), the namespace ({@code null} across all
 * namespaces or for a cluster-scoped resource), the resource with its subresource, and the name.
 */
public record RequestAttributes(String verb, String namespace, String resource, String name) {

    static final String PREFIX = "/apis/image.openshift.io/v1/";

    /** The attributes of a resource request; empty for other paths (discovery, the OpenAPI document). */
    public static Optional<RequestAttributes> of(String method, String path, boolean watch) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        // the legacy watch paths: /apis/image.openshift.io/v1/watch/namespaces/ns/imagestreams
        boolean legacyWatch = rest.startsWith("watch/");
        String[] parts = (legacyWatch ? rest.substring("watch/".length()) : rest).split("/", -1);
        watch |= legacyWatch;
        String namespace = null;
        int at = 0;
        if (parts.length >= 3 && "namespaces".equals(parts[0])) {
            namespace = parts[1];
            at = 2;
        }
        if (parts.length <= at || parts[at].isEmpty()) {
            return Optional.empty();
        }
        String resource = parts[at];
        String name = parts.length > at + 1 && !parts[at + 1].isEmpty() ? parts[at + 1] : null;
        if (name != null && parts.length > at + 2 && !parts[at + 2].isEmpty()) {
            resource = resource + "/" + parts[at + 2];
        }
        return Optional.of(new RequestAttributes(verb(method, name != null, watch), namespace, resource, name));
    }

    private static String verb(String method, boolean named, boolean watch) {
        return switch (method) {
            case "GET", "HEAD" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The resource without its subresource: {@code imagestreams} for {@code imagestreams/status}. */
    public String baseResource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    /** The subresource ({@code status} of {@code imagestreams/status}), {@code null} when there is none. */
    public String subresource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? null : resource.substring(slash + 1);
    }

    /** Kubernetes' wording of a refusal: {@code User "alice" cannot list resource "imagestreams" in API group ...}. */
    public String refusal(String user) {
        return "User \"" + user + "\" cannot " + verb + " resource \"" + resource + "\" in API group \"image.openshift.io\""
                + (namespace == null ? " at the cluster scope" : " in the namespace \"" + namespace + "\"");
    }
}
