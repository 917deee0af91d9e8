package io.imagestreams.stream.rest.discovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class DiscoveryResourceTest {

    private static final String AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    @Test
    void versionNamesASupportedKubernetesRelease() {
        given().when().get("/version")
                .then().statusCode(200)
                .contentType("application/json")
                .body("gitVersion", matchesPattern("v1\\.(2[7-9]|3[0-3])\\.\\d+"))
                .body("major", equalTo("1"))
                .body("buildDate", equalTo("1970-01-01T00:00:00Z"));
    }

    @Test
    void rootListsTheServedApiPaths() {
        given().when().get("/")
                .then().statusCode(200)
                .body("paths", contains("/api", "/api/v1", "/apis", "/apis/image.openshift.io",
                        "/apis/image.openshift.io/v1", "/openapi/v2", "/version"));
    }

    @Test
    void coreGroupListsV1WithoutResources() {
        given().accept("application/json").when().get("/api")
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .header("Vary", "Accept")
                .body("kind", equalTo("APIVersions"))
                .body("versions", contains("v1"));
        given().when().get("/api/v1")
                .then().statusCode(200)
                .body("kind", equalTo("APIResourceList"))
                .body("groupVersion", equalTo("v1"))
                .body("resources", empty());
    }

    @Test
    void groupsListTheImageGroup() {
        given().when().get("/apis")
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .body("kind", equalTo("APIGroupList"))
                .body("groups.name", contains("image.openshift.io"))
                .body("groups[0].preferredVersion.groupVersion", equalTo("image.openshift.io/v1"));
        given().when().get("/apis/image.openshift.io")
                .then().statusCode(200)
                .body("kind", equalTo("APIGroup"))
                .body("versions.version", contains("v1"));
    }

    @Test
    void imageGroupVersionListsItsResources() {
        given().when().get("/apis/image.openshift.io/v1")
                .then().statusCode(200)
                .body("kind", equalTo("APIResourceList"))
                .body("groupVersion", equalTo("image.openshift.io/v1"))
                .body("resources.name", contains("images", "imagestreamimages", "imagestreamimports",
                        "imagestreammappings", "imagestreams", "imagestreams/status", "imagestreamtags"))
                .body("resources.find { it.name == 'imagestreams' }.shortNames", contains("is"))
                .body("resources.find { it.name == 'imagestreams' }.categories", contains("all"))
                .body("resources.find { it.name == 'imagestreamtags' }.shortNames", contains("istag"))
                .body("resources.find { it.name == 'imagestreamimages' }.verbs", contains("get"))
                .body("resources.find { it.name == 'images' }.namespaced", equalTo(false));
    }

    @Test
    void aggregatedDiscoveryIsServedWhenKubectlAsksForIt() {
        // when: kubectl 1.30+'s Accept header
        given().header("Accept", AGGREGATED_V2 + ",application/json;g=apidiscovery.k8s.io;v=v2beta1;"
                        + "as=APIGroupDiscoveryList,application/json")
                .when().get("/apis")
                // then
                .then().statusCode(200)
                .header("Content-Type", AGGREGATED_V2)
                .header("Vary", "Accept")
                .body("kind", equalTo("APIGroupDiscoveryList"))
                .body("items[0].metadata.name", equalTo("image.openshift.io"))
                .body("items[0].versions[0].resources.resource", hasItem("imagestreams"))
                .body("items[0].versions[0].resources.find { it.resource == 'imagestreams' }.subresources"
                        + ".subresource", contains("status"));
        given().header("Accept", AGGREGATED_V2).when().get("/api")
                .then().statusCode(200)
                .header("Content-Type", AGGREGATED_V2)
                .body("items[0].versions[0].version", equalTo("v1"));
    }

    @Test
    void openApiV2IsServedAsProtobufOrJson() {
        // when: kubectl's request
        byte[] protobuf = given().header("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
                .when().get("/openapi/v2")
                .then().statusCode(200)
                .header("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf")
                .extract().asByteArray();

        // then
        assertThat(protobuf).isEqualTo(OpenApiV2Document.protobuf());
        given().when().get("/openapi/v2")
                .then().statusCode(200)
                .contentType("application/json")
                .body("swagger", equalTo("2.0"));
        given().header("Accept", "text/html").when().get("/openapi/v2").then().statusCode(406);
    }

    @Test
    void openApiV3IsNotServedSoKubectlFallsBackToV2() {
        given().when().get("/openapi/v3").then().statusCode(404);
    }
}
