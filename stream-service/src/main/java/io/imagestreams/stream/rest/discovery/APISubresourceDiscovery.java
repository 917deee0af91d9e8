package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code apidiscovery.APISubresourceDiscovery}: a subresource such as {@code status}, inside its resource. */
@JsonPropertyOrder({"subresource", "responseKind", "verbs"})
public record APISubresourceDiscovery(String subresource, GroupVersionKind responseKind, List<Verb> verbs) {

    public APISubresourceDiscovery {
        verbs = List.copyOf(verbs);
    }

    public static APISubresourceDiscovery of(ServedResource subresource) {
        return new APISubresourceDiscovery(subresource.subresource(),
                GroupVersionKind.sameGroupVersion(subresource.kind()), subresource.verbs());
    }
}
