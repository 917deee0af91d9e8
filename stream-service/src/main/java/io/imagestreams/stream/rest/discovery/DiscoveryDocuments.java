package io.imagestreams.stream.rest.discovery;

import io.imagestreams.api.image.ImageApi;
import java.util.List;

/** Builds every discovery document from {@link ImageApiResources}, so the forms can never disagree. */
public final class DiscoveryDocuments {

    /** The core group's only version. No core resources are served (namespaces are implicit), so it is empty. */
    static final String CORE_VERSION = "v1";

    private DiscoveryDocuments() {
    }

    /** {@code GET /}: every discovery path, sorted as the API server lists them. */
    public static RootPaths rootPaths() {
        String group = "/apis/" + ImageApi.GROUP;
        return new RootPaths(List.of("/api", "/api/" + CORE_VERSION, "/apis", group, group + "/" + ImageApi.VERSION,
                "/openapi/v2", "/version"));
    }

    /** {@code GET /api}. */
    public static APIVersions coreVersions() {
        return APIVersions.of(List.of(CORE_VERSION));
    }

    /** {@code GET /api/v1}. */
    public static APIResourceList coreResources() {
        return APIResourceList.core(CORE_VERSION, List.of());
    }

    /** {@code GET /apis}. */
    public static APIGroupList groups() {
        return APIGroupList.of(List.of(imageGroupListed()));
    }

    /** {@code GET /apis/image.openshift.io}. */
    public static APIGroup imageGroup() {
        return imageGroupListed().standalone();
    }

    /** {@code GET /apis/image.openshift.io/v1}. */
    public static APIResourceList imageResources() {
        return APIResourceList.group(ImageApi.API_VERSION,
                ImageApiResources.all().stream().map(APIResource::of).toList());
    }

    /** {@code GET /api} in aggregated form: the core group with its (empty) v1. */
    public static APIGroupDiscoveryList aggregatedCore(DiscoveryFormat format) {
        return APIGroupDiscoveryList.of(format.version(),
                List.of(APIGroupDiscovery.of("", List.of(APIVersionDiscovery.current(CORE_VERSION, List.of())))));
    }

    /** {@code GET /apis} in aggregated form: {@code image.openshift.io/v1} with every resource. */
    public static APIGroupDiscoveryList aggregatedGroups(DiscoveryFormat format) {
        List<APIResourceDiscovery> resources = ImageApiResources.all().stream()
                .filter(resource -> !resource.isSubresource())
                .map(resource -> APIResourceDiscovery.of(resource,
                        ImageApiResources.subresourcesOf(resource.resource())))
                .toList();
        return APIGroupDiscoveryList.of(format.version(), List.of(APIGroupDiscovery.of(ImageApi.GROUP,
                List.of(APIVersionDiscovery.current(ImageApi.VERSION, resources)))));
    }

    private static APIGroup imageGroupListed() {
        return APIGroup.listed(ImageApi.GROUP, List.of(GroupVersionForDiscovery.of(ImageApi.GROUP, ImageApi.VERSION)));
    }
}
