package io.imagestreams.stream.auth;

import java.util.List;

/** Who made a request, and what they may do. */
public record Identity(String user, List<String> groups, List<Grant> grants) {

    public Identity {
        groups = List.copyOf(groups);
        grants = List.copyOf(grants);
    }

    public boolean allows(String verb, String resource, String namespace) {
        return grants.stream().anyMatch(grant -> grant.allows(verb, resource, namespace));
    }
}
