package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code metav1.APIResource}: one entry of an {@link APIResourceList}. Subresources appear as their own
 * entries ({@code imagestreams/status}). {@code shortNames} and {@code categories} are left out when empty,
 * as Go's {@code omitempty} does.
 */
@JsonPropertyOrder({"name", "singularName", "namespaced", "kind", "verbs", "shortNames", "categories"})
public record APIResource(
        String name,
        String singularName,
        boolean namespaced,
        String kind,
        List<Verb> verbs,
        @JsonInclude(Include.NON_EMPTY) List<String> shortNames,
        @JsonInclude(Include.NON_EMPTY) List<String> categories) {

    public APIResource {
        verbs = List.copyOf(verbs);
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
    }

    public static APIResource of(ServedResource resource) {
        return new APIResource(resource.name(), resource.singular(), resource.namespaced(), resource.kind(),
                resource.verbs(), resource.shortNames(), resource.categories());
    }
}
