package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code apidiscovery.APIResourceDiscovery}: a resource in aggregated discovery, its subresources nested. */
@JsonPropertyOrder({"resource", "responseKind", "scope", "singularResource", "verbs", "shortNames", "categories",
        "subresources"})
public record APIResourceDiscovery(
        String resource,
        GroupVersionKind responseKind,
        String scope,
        String singularResource,
        List<Verb> verbs,
        @JsonInclude(Include.NON_EMPTY) List<String> shortNames,
        @JsonInclude(Include.NON_EMPTY) List<String> categories,
        @JsonInclude(Include.NON_EMPTY) List<APISubresourceDiscovery> subresources) {

    public APIResourceDiscovery {
        verbs = List.copyOf(verbs);
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
        subresources = List.copyOf(subresources);
    }

    public static APIResourceDiscovery of(ServedResource resource, List<ServedResource> subresources) {
        return new APIResourceDiscovery(resource.resource(), GroupVersionKind.sameGroupVersion(resource.kind()),
                resource.scope().wireName(), resource.singular(), resource.verbs(), resource.shortNames(),
                resource.categories(), subresources.stream().map(APISubresourceDiscovery::of).toList());
    }
}
