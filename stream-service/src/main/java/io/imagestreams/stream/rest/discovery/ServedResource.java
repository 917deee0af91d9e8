package io.imagestreams.stream.rest.discovery;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One resource (or subresource) the {@code image.openshift.io/v1} API serves, with everything discovery
 * says about it.
 *
 * @param resource    the plural resource, e.g. {@code imagestreams}
 * @param subresource e.g. {@code status}; {@code null} for the resource itself
 * @param singular    the singular name kubectl accepts ({@code kubectl get imagestream}); empty for subresources
 * @param kind        the kind the endpoint takes and returns
 * @param scope       namespaced or cluster-wide
 * @param verbs       what the endpoint answers; kept sorted and unique, as discovery lists them
 * @param shortNames  e.g. {@code is}
 * @param categories  e.g. {@code all}, so {@code kubectl get all} includes the resource
 */
public record ServedResource(String resource, String subresource, String singular, String kind, Scope scope,
        List<Verb> verbs, List<String> shortNames, List<String> categories) {

    public ServedResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(singular, "singular");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        verbs = List.copyOf(new TreeSet<>(verbs));
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
    }

    /** {@code imagestreams} or {@code imagestreams/status}, the name legacy discovery and RBAC use. */
    public String name() {
        return subresource == null ? resource : resource + "/" + subresource;
    }

    public boolean isSubresource() {
        return subresource != null;
    }

    public boolean namespaced() {
        return scope == Scope.NAMESPACED;
    }

    public boolean supports(Verb verb) {
        return verbs.contains(verb);
    }
}
