package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code metav1.APIGroup}. Inside an {@link APIGroupList} it carries no {@code kind}/{@code apiVersion}; served
 * alone at {@code /apis/<group>} it does.
 */
@JsonPropertyOrder({"kind", "apiVersion", "name", "versions", "preferredVersion"})
public record APIGroup(
        @JsonInclude(Include.NON_NULL) String kind,
        @JsonInclude(Include.NON_NULL) String apiVersion,
        String name,
        List<GroupVersionForDiscovery> versions,
        GroupVersionForDiscovery preferredVersion) {

    public APIGroup {
        versions = List.copyOf(versions);
    }

    /** The group as an item of {@code /apis}; the first version is the preferred one. */
    public static APIGroup listed(String name, List<GroupVersionForDiscovery> versions) {
        return new APIGroup(null, null, name, versions, versions.get(0));
    }

    /** The group served alone, with its type. */
    public APIGroup standalone() {
        return new APIGroup("APIGroup", "v1", name, versions, preferredVersion);
    }
}
