package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code metav1.APIGroupList}, the answer to {@code GET /apis} when aggregated discovery is not asked for. */
@JsonPropertyOrder({"kind", "apiVersion", "groups"})
public record APIGroupList(String kind, String apiVersion, List<APIGroup> groups) {

    public APIGroupList {
        groups = List.copyOf(groups);
    }

    public static APIGroupList of(List<APIGroup> groups) {
        return new APIGroupList("APIGroupList", "v1", groups);
    }
}
