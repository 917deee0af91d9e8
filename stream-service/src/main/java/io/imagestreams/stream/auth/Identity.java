package io.imagestreams.stream.auth;

import java.util.List;
import java.util.Map;

/**
 * Who made a request, and what they may do: the grants of a JWT (standalone mode), or none when the cluster decides
 * (aggregated API server mode, where {@code extra} carries the user's extra attributes for SubjectAccessReviews).
 */
public record Identity(String user, List<String> groups, List<Grant> grants, Map<String, List<String>> extra) {

    public Identity {
        groups = List.copyOf(groups);
        grants = List.copyOf(grants);
        extra = Map.copyOf(extra);
    }

    public Identity(String user, List<String> groups, List<Grant> grants) {
        this(user, groups, grants, Map.of());
    }

    public boolean allows(String verb, String resource, String namespace) {
        return grants.stream().anyMatch(grant -> grant.allows(verb, resource, namespace));
    }
}
