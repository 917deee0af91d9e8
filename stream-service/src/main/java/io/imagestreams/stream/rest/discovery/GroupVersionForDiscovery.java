package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code metav1.GroupVersionForDiscovery}: {@code image.openshift.io/v1} and its version {@code v1}. */
@JsonPropertyOrder({"groupVersion", "version"})
public record GroupVersionForDiscovery(String groupVersion, String version) {

    public static GroupVersionForDiscovery of(String group, String version) {
        return new GroupVersionForDiscovery(group + "/" + version, version);
    }
}
