package io.imagestreams.stream.rest.discovery;

import java.util.List;

/**
 * {@code metav1.RootPaths}, the answer to {@code GET /}: the API paths this server serves. fabric8's
 * {@code supportsOpenShiftAPIGroup} looks for {@code /apis/<group>} in it.
 */
public record RootPaths(List<String> paths) {

    public RootPaths {
        paths = List.copyOf(paths);
    }
}
