package io.imagestreams.stream.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The objects of OpenShift's own documentation, sent as YAML the way a user pastes them. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class SeedDocumentsTest {

    private static final String API = "/apis/image.openshift.io/v1";
    private static final String DIGEST = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";

    @Test
    void theRegistrysMappingTagsThePushedImageWithItsMetadata() {
        // given
        String ns = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/yaml").body("{apiVersion: image.openshift.io/v1, kind: ImageStream, metadata: {name: origin-ruby-sample}}".getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);

        // when
        given().contentType("application/yaml").body(yaml("seeds/origin-ruby-sample-mapping.yaml"))
                .when().post(API + "/namespaces/" + ns + "/imagestreammappings")
                .then().statusCode(201).body("status", equalTo("Success"));

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/origin-ruby-sample:latest")
                .then().statusCode(200)
                .body("image.metadata.name", equalTo(DIGEST))
                .body("image.dockerImageReference", equalTo("172.30.56.218:5000/test/origin-ruby-sample@" + DIGEST))
                .body("image.dockerImageLayers", hasSize(7))
                .body("image.dockerImageMetadata.Config.Env", hasItem("RUBY_VERSION=2.2"))
                .body("image.dockerImageMetadata.Architecture", equalTo("amd64"));
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/origin-ruby-sample")
                .then().body("spec.tags", org.hamcrest.Matchers.nullValue())
                .body("status.tags[0].tag", equalTo("latest"))
                .body("status.tags[0].items[0].image", equalTo(DIGEST));
    }

    @Test
    void theCuratedRubyStreamIsAcceptedAsPublished() {
        // given
        String ns = "openshift-" + UUID.randomUUID().toString().substring(0, 8);

        // when / then
        given().contentType("application/yaml").body(yaml("seeds/ruby-imagestream.yaml"))
                .when().post(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(201)
                .body("spec.tags.name", contains("3.3-ubi9", "latest"))
                .body("spec.tags.generation", contains(1, 1))
                .body("spec.tags.referencePolicy.type", contains("Local", "Local"))
                .body("metadata.annotations.'openshift.io/display-name'", equalTo("Ruby"));
    }

    private static byte[] yaml(String path) {
        return ImageStreamResourceTest.fixture(path).getBytes(StandardCharsets.UTF_8);
    }
}
