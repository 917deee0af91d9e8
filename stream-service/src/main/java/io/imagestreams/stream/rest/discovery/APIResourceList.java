package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code metav1.APIResourceList}, the answer to {@code GET /api/v1} and {@code GET /apis/<group>/<version>}.
 * The core list carries no {@code apiVersion}, as the Kubernetes API server writes it.
 */
@JsonPropertyOrder({"kind", "apiVersion", "groupVersion", "resources"})
public record APIResourceList(
        String kind,
        @JsonInclude(Include.NON_NULL) String apiVersion,
        String groupVersion,
        List<APIResource> resources) {

    public APIResourceList {
        resources = List.copyOf(resources);
    }

    public static APIResourceList core(String version, List<APIResource> resources) {
        return new APIResourceList("APIResourceList", null, version, resources);
    }

    public static APIResourceList group(String groupVersion, List<APIResource> resources) {
        return new APIResourceList("APIResourceList", "v1", groupVersion, resources);
    }
}
