package io.imagestreams.stream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Requests as RBAC sees them, and what each role allows. */
class RequestAttributesTest {

    @Test
    void derivesVerbNamespaceResourceAndNameFromMethodAndPath() {
        assertThat(attributes("GET", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams", false))
                .isEqualTo(new RequestAttributes("list", "ns", "imagestreams", null));
        assertThat(attributes("GET", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams", true))
                .isEqualTo(new RequestAttributes("watch", "ns", "imagestreams", null));
        assertThat(attributes("GET", "/apis/image.openshift.io/v1/namespaces/ns/imagestreamtags/app:v1", false))
                .isEqualTo(new RequestAttributes("get", "ns", "imagestreamtags", "app:v1"));
        assertThat(attributes("PUT", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams/app/status", false))
                .isEqualTo(new RequestAttributes("update", "ns", "imagestreams/status", "app"));
        assertThat(attributes("DELETE", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams", false))
                .isEqualTo(new RequestAttributes("deletecollection", "ns", "imagestreams", null));
        assertThat(attributes("PATCH", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams/app", false).verb()).isEqualTo("patch");
        assertThat(attributes("POST", "/apis/image.openshift.io/v1/namespaces/ns/imagestreammappings", false))
                .isEqualTo(new RequestAttributes("create", "ns", "imagestreammappings", null));
        assertThat(attributes("GET", "/apis/image.openshift.io/v1/imagestreams", false))
                .isEqualTo(new RequestAttributes("list", null, "imagestreams", null));
        assertThat(attributes("DELETE", "/apis/image.openshift.io/v1/images/sha256:abc", false))
                .isEqualTo(new RequestAttributes("delete", null, "images", "sha256:abc"));
        assertThat(attributes("GET", "/apis/image.openshift.io/v1/watch/namespaces/ns/imagestreams", false))
                .isEqualTo(new RequestAttributes("watch", "ns", "imagestreams", null));
        assertThat(RequestAttributes.of("GET", "/apis/image.openshift.io/v1", false)).isEmpty();
        assertThat(RequestAttributes.of("GET", "/apis/image.openshift.io/v1/", false)).isEmpty();
        assertThat(RequestAttributes.of("GET", "/apis", false)).isEmpty();
        assertThat(RequestAttributes.of("GET", "/version", false)).isEmpty();
    }

    @Test
    void splitsTheSubresourceOffAndNamesNonResourceRequestsByPath() {
        RequestAttributes status = new RequestAttributes("update", "ns", "imagestreams/status", "app");
        assertThat(status.baseResource()).isEqualTo("imagestreams");
        assertThat(status.subresource()).isEqualTo("status");
        assertThat(new RequestAttributes("list", "ns", "imagestreams", null).subresource()).isNull();
        assertThat(AccessRequest.of("PUT", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams/app/status", false))
                .isEqualTo(new AccessRequest("update", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams/app/status", status));
        AccessRequest discovery = AccessRequest.of("GET", "/apis/image.openshift.io/v1", false);
        assertThat(discovery.isResourceRequest()).isFalse();
        assertThat(discovery.verb()).isEqualTo("get");
        assertThat(discovery.refusal("alice")).isEqualTo("User \"alice\" cannot get path \"/apis/image.openshift.io/v1\"");
        assertThat(AccessRequest.of("GET", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams", false).refusal("alice"))
                .isEqualTo(new RequestAttributes("list", "ns", "imagestreams", null).refusal("alice"));
    }

    @Test
    void grantsDecideResourceRequestsAndAllowNonResourceOnesInTheStandaloneMode() {
        Identity viewer = new Identity("vic", java.util.List.of(), Grant.parse("ns:view").stream().toList());
        assertThat(Authorizer.GRANTS.authorize(viewer, AccessRequest.of("GET", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams", false))
                .result().allowed()).isTrue();
        assertThat(Authorizer.GRANTS.authorize(viewer, AccessRequest.of("DELETE", "/apis/image.openshift.io/v1/namespaces/ns/imagestreams/a", false))
                .result()).isEqualTo(Decision.DENY);
        assertThat(Authorizer.GRANTS.authorize(viewer, AccessRequest.of("GET", "/openapi/v2", false)).result()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void refusalsUseKubernetesWording() {
        assertThat(new RequestAttributes("list", "ns", "imagestreams", null).refusal("alice"))
                .isEqualTo("User \"alice\" cannot list resource \"imagestreams\" in API group \"image.openshift.io\" in the namespace \"ns\"");
        assertThat(new RequestAttributes("delete", null, "images", "sha256:abc").refusal("bob"))
                .isEqualTo("User \"bob\" cannot delete resource \"images\" in API group \"image.openshift.io\" at the cluster scope");
    }

    @Test
    void rolesAllowWhatOpenShiftsRolesAllow() {
        assertThat(Role.VIEW.allows("get", "imagestreamtags")).isTrue();
        assertThat(Role.VIEW.allows("create", "imagestreams")).isFalse();
        assertThat(Role.EDIT.allows("create", "imagestreamimports")).isTrue();
        assertThat(Role.EDIT.allows("create", "imagestreammappings")).as("only the pusher maps images").isFalse();
        assertThat(Role.EDIT.allows("update", "imagestreams/status")).isFalse();
        assertThat(Role.ADMIN.allows("update", "imagestreams/status")).isTrue();
        assertThat(Role.IMAGE_PUSHER.allows("create", "imagestreammappings")).isTrue();
        assertThat(Role.IMAGE_PUSHER.allows("delete", "imagestreams")).isFalse();
        assertThat(Role.IMAGE_PRUNER.allows("delete", "images")).isTrue();
        assertThat(Role.IMAGE_PRUNER.allows("delete", "imagestreams")).isFalse();
        assertThat(Role.REGISTRY_VIEWER.allows("list", "images")).isTrue();
        assertThat(Role.REGISTRY_VIEWER.allows("delete", "images")).isFalse();
        assertThat(Role.REGISTRY_EDITOR.allows("delete", "images")).isTrue();
    }

    @Test
    void grantsReachTheirNamespaceOnlyAndClusterScopeOnlyFromAllNamespaces() {
        Grant teamA = Grant.parse("team-a:admin").orElseThrow();
        Grant everywhere = Grant.parse("*:view").orElseThrow();
        assertThat(teamA.allows("get", "imagestreams", "team-a")).isTrue();
        assertThat(teamA.allows("get", "imagestreams", "team-b")).isFalse();
        assertThat(teamA.allows("list", "imagestreams", null)).as("a list across namespaces").isFalse();
        assertThat(everywhere.allows("list", "imagestreams", null)).isTrue();
        assertThat(everywhere.allows("get", "images", null)).as("view does not cover images").isFalse();
        assertThat(Grant.parse("registry-viewer")).contains(new Grant("*", Role.REGISTRY_VIEWER));
        assertThat(Grant.parse("team-a:owner")).isEmpty();
        assertThat(Grant.parse(":view")).isEmpty();
    }

    private static RequestAttributes attributes(String method, String path, boolean watch) {
        return RequestAttributes.of(method, path, watch).orElseThrow();
    }
}
