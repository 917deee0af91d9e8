package io.imagestreams.stream.rest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.json.ImageApiJson;
import org.junit.jupiter.api.Test;

/** The wire form of each document, compared with what the Kubernetes API server writes. */
class DiscoveryDocumentsTest {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();

    @Test
    void coreVersions() throws Exception {
        assertThat(JSON.writeValueAsString(DiscoveryDocuments.coreVersions()))
                .isEqualTo("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}");
    }

    @Test
    void coreResourcesAreAnEmptyList() throws Exception {
        assertThat(JSON.writeValueAsString(DiscoveryDocuments.coreResources()))
                .isEqualTo("{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[]}");
    }

    @Test
    void groups() throws Exception {
        assertThat(JSON.writeValueAsString(DiscoveryDocuments.groups())).isEqualTo("{\"kind\":\"APIGroupList\","
                + "\"apiVersion\":\"v1\",\"groups\":[{\"name\":\"image.openshift.io\",\"versions\":[{\"groupVersion\":"
                + "\"image.openshift.io/v1\",\"version\":\"v1\"}],\"preferredVersion\":{\"groupVersion\":"
                + "\"image.openshift.io/v1\",\"version\":\"v1\"}}]}");
    }

    @Test
    void imageGroupServedAloneIsTyped() throws Exception {
        assertThat(JSON.writeValueAsString(DiscoveryDocuments.imageGroup())).isEqualTo("{\"kind\":\"APIGroup\","
                + "\"apiVersion\":\"v1\",\"name\":\"image.openshift.io\",\"versions\":[{\"groupVersion\":"
                + "\"image.openshift.io/v1\",\"version\":\"v1\"}],\"preferredVersion\":{\"groupVersion\":"
                + "\"image.openshift.io/v1\",\"version\":\"v1\"}}");
    }

    @Test
    void imageResources() {
        // when
        JsonNode list = JSON.valueToTree(DiscoveryDocuments.imageResources());

        // then
        assertThat(list.get("kind").asText()).isEqualTo("APIResourceList");
        assertThat(list.get("apiVersion").asText()).isEqualTo("v1");
        assertThat(list.get("groupVersion").asText()).isEqualTo("image.openshift.io/v1");
        assertThat(list.get("resources")).hasSize(7);
        assertThat(list.get("resources").get(4).toString()).isEqualTo("{\"name\":\"imagestreams\",\"singularName\":"
                + "\"imagestream\",\"namespaced\":true,\"kind\":\"ImageStream\",\"verbs\":[\"create\",\"delete\","
                + "\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"],\"shortNames\":[\"is\"],"
                + "\"categories\":[\"all\"]}");
        assertThat(list.get("resources").get(5).toString()).isEqualTo("{\"name\":\"imagestreams/status\","
                + "\"singularName\":\"\",\"namespaced\":true,\"kind\":\"ImageStream\",\"verbs\":[\"get\",\"patch\","
                + "\"update\"]}");
        assertThat(list.get("resources").get(0).toString()).isEqualTo("{\"name\":\"images\",\"singularName\":"
                + "\"image\",\"namespaced\":false,\"kind\":\"Image\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\"]}");
    }

    @Test
    void aggregatedGroupsNestSubresources() {
        // when
        JsonNode list = JSON.valueToTree(DiscoveryDocuments.aggregatedGroups(DiscoveryFormat.AGGREGATED_V2));

        // then
        assertThat(list.get("kind").asText()).isEqualTo("APIGroupDiscoveryList");
        assertThat(list.get("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2");
        assertThat(list.get("metadata").toString()).isEqualTo("{}");
        JsonNode group = list.get("items").get(0);
        assertThat(group.get("metadata").toString())
                .isEqualTo("{\"name\":\"image.openshift.io\",\"creationTimestamp\":null}");
        JsonNode version = group.get("versions").get(0);
        assertThat(version.get("version").asText()).isEqualTo("v1");
        assertThat(version.get("freshness").asText()).isEqualTo("Current");
        assertThat(version.get("resources")).extracting(resource -> resource.get("resource").asText())
                .containsExactly("images", "imagestreamimages", "imagestreamimports", "imagestreammappings",
                        "imagestreams", "imagestreamtags");
        assertThat(version.get("resources").get(4).toString()).isEqualTo("{\"resource\":\"imagestreams\","
                + "\"responseKind\":{\"group\":\"\",\"version\":\"\",\"kind\":\"ImageStream\"},\"scope\":\"Namespaced\","
                + "\"singularResource\":\"imagestream\",\"verbs\":[\"create\",\"delete\",\"deletecollection\",\"get\","
                + "\"list\",\"patch\",\"update\",\"watch\"],\"shortNames\":[\"is\"],\"categories\":[\"all\"],"
                + "\"subresources\":[{\"subresource\":\"status\",\"responseKind\":{\"group\":\"\",\"version\":\"\","
                + "\"kind\":\"ImageStream\"},\"verbs\":[\"get\",\"patch\",\"update\"]}]}");
        assertThat(version.get("resources").get(0).get("scope").asText()).isEqualTo("Cluster");
    }

    @Test
    void aggregatedCoreHasAnEmptyV1() throws Exception {
        assertThat(JSON.writeValueAsString(DiscoveryDocuments.aggregatedCore(DiscoveryFormat.AGGREGATED_V2BETA1)))
                .isEqualTo("{\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2beta1\","
                        + "\"metadata\":{},\"items\":[{\"metadata\":{\"creationTimestamp\":null},\"versions\":"
                        + "[{\"version\":\"v1\",\"resources\":[],\"freshness\":\"Current\"}]}]}");
    }
}
