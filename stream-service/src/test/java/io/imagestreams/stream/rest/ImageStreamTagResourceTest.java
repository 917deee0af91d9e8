package io.imagestreams.stream.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pushes (mappings), istags, isimages and images: the tag rules seen through the API. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ImageStreamTagResourceTest {

    private static final String API = "/apis/image.openshift.io/v1";
    private static final String FIRST = "sha256:" + "a".repeat(64);
    private static final String SECOND = "sha256:" + "b".repeat(64);

    @Test
    void aMappingCreatesTheImageAndMovesTheTagAndTheTagsThatTrackIt() {
        // given
        String ns = phpStream();

        // when
        map(ns, "php", "7.1", FIRST);

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/php:7.1")
                .then().statusCode(200)
                .body("kind", equalTo("ImageStreamTag"))
                .body("metadata.name", equalTo("php:7.1"))
                .body("image.metadata.name", equalTo(FIRST))
                .body("image.dockerImageReference", equalTo("quay.io/centos/php-71@" + FIRST))
                .body("tag.from.name", equalTo("docker.io/centos/php-71-centos7:latest"));
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/php:latest")
                .then().statusCode(200)
                .body("image.metadata.name", equalTo(FIRST));
        given().when().get(API + "/images/" + FIRST)
                .then().statusCode(200)
                .body("kind", equalTo("Image"))
                .body("dockerImageReference", equalTo("quay.io/centos/php-71@" + FIRST));
    }

    @Test
    void historyIsNewestFirstAndTheSameImageAddsNoEntry() {
        // given
        String ns = phpStream();
        map(ns, "php", "7.1", FIRST);
        map(ns, "php", "7.1", SECOND);

        // when
        map(ns, "php", "7.1", SECOND);

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/php")
                .then().statusCode(200)
                .body("status.tags.find { it.tag == '7.1' }.items.image", contains(SECOND, FIRST))
                .body("status.tags.find { it.tag == 'latest' }.items.image", contains(SECOND, FIRST));
    }

    @Test
    void rollingBackPinsTheOlderImageOnTopOfTheHistory() {
        // given
        String ns = phpStream();
        map(ns, "php", "7.1", FIRST);
        map(ns, "php", "7.1", SECOND);
        String stream = given().when().get(API + "/namespaces/" + ns + "/imagestreams/php").then().extract().asString();

        // when: oc tag php@sha256:aaa… php:7.1
        String pinned = stream.replace("\"kind\":\"DockerImage\",\"name\":\"docker.io/centos/php-71-centos7:latest\"",
                "\"kind\":\"ImageStreamImage\",\"name\":\"php@" + FIRST + "\"");
        given().contentType("application/json").body(pinned)
                .when().put(API + "/namespaces/" + ns + "/imagestreams/php")
                .then().statusCode(200);

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/php")
                .then().statusCode(200)
                .body("status.tags.find { it.tag == '7.1' }.items.image", contains(FIRST, SECOND, FIRST))
                .body("status.tags.find { it.tag == 'latest' }.items[0].image", equalTo(FIRST));
    }

    @Test
    void findsStreamImagesByDigestPrefix() {
        // given
        String ns = phpStream();
        map(ns, "php", "7.1", FIRST);

        // when / then
        given().when().get(API + "/namespaces/" + ns + "/imagestreamimages/php@sha256:aaaa")
                .then().statusCode(200)
                .body("kind", equalTo("ImageStreamImage"))
                .body("metadata.name", equalTo("php@sha256:aaaa"))
                .body("image.metadata.name", equalTo(FIRST));
        given().when().get(API + "/namespaces/" + ns + "/imagestreamimages/php@sha256:cccc")
                .then().statusCode(404)
                .body("message", equalTo("imagestreamimage.image.openshift.io \"php@sha256:cccc\" not found"));
        given().when().get(API + "/namespaces/" + ns + "/imagestreamimages/php")
                .then().statusCode(400)
                .body("message", equalTo("ImageStreamImages must be retrieved with <name>@<id>"));
    }

    @Test
    void tagsWithoutAnImageAreNotFoundAndBadNamesAreBadRequests() {
        // given
        String ns = phpStream();

        // when / then
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/php:7.0")
                .then().statusCode(404)
                .body("message", equalTo("imagestreamtags.image.openshift.io \"php:7.0\" not found"));
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/php")
                .then().statusCode(400)
                .body("message", equalTo("ImageStreamTags must be retrieved with <name>:<tag>"));
    }

    @Test
    void deletingAnIstagRemovesTheSpecTagAndItsHistory() {
        // given
        String ns = phpStream();
        map(ns, "php", "7.1", FIRST);

        // when
        given().when().delete(API + "/namespaces/" + ns + "/imagestreamtags/php:7.1")
                .then().statusCode(200)
                .body("status", equalTo("Success"));

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/php")
                .then().statusCode(200)
                .body("spec.tags.name", not(hasItem("7.1")))
                .body("status.tags.tag", not(hasItem("7.1")));
        given().when().delete(API + "/namespaces/" + ns + "/imagestreamtags/php:7.1").then().statusCode(404);
    }

    @Test
    void istagWritesCreateAndUpdateSpecTagsAsOcTagDoes() {
        // given
        String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        String istags = API + "/namespaces/" + ns + "/imagestreamtags";
        String tag = """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamTag","metadata":{"name":"%s"%s},
                 "tag":{"reference":true,"from":{"kind":"DockerImage","name":"quay.io/acme/app:%s"}}}""";

        // when an istag is created for a stream that does not exist yet
        given().contentType("application/json").body(tag.formatted("app:v1", "", "1.0"))
                .when().post(istags)
                .then().statusCode(201)
                .body("kind", equalTo("ImageStreamTag"))
                .body("metadata.name", equalTo("app:v1"))
                .body("tag.from.name", equalTo("quay.io/acme/app:1.0"));

        // then the stream exists with that spec tag, and a second create is refused
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/app")
                .then().statusCode(200)
                .body("spec.tags.name", contains("v1"))
                .body("status.tags[0].items[0].dockerImageReference", equalTo("quay.io/acme/app:1.0"));
        given().contentType("application/json").body(tag.formatted("app:v1", "", "1.0"))
                .when().post(istags)
                .then().statusCode(409)
                .body("message", equalTo("imagestreamtag.image.openshift.io \"app:v1\" already exists"));

        // when an istag is put: 201 for a new spec tag, 200 for a changed one, annotations from its metadata
        given().contentType("application/json").body(tag.formatted("app:v2", "", "2.0"))
                .when().put(istags + "/app:v2").then().statusCode(201);
        given().contentType("application/json").body(tag.formatted("app:v2", ",\"annotations\":{\"note\":\"moved\"}", "2.1"))
                .when().put(istags + "/app:v2")
                .then().statusCode(200)
                .body("tag.from.name", equalTo("quay.io/acme/app:2.1"))
                .body("metadata.annotations.note", equalTo("moved"));
        given().contentType("application/merge-patch+json").body("{\"metadata\":{\"annotations\":{\"note\":\"patched\"}}}")
                .when().patch(istags + "/app:v2")
                .then().statusCode(200)
                .body("tag.annotations.note", equalTo("patched"));

        // then a put without a tag for a tag that is not in the spec is a bad request
        given().contentType("application/json").body("{\"metadata\":{\"name\":\"app:v9\"}}")
                .when().put(istags + "/app:v9")
                .then().statusCode(400)
                .body("message", equalTo("imagestreamtag v9 is not a spec tag in imagestream " + ns + "/app, cannot be updated"));
    }

    @Test
    void listsIstagsOfTagsWithImages() {
        // given
        String ns = phpStream();
        map(ns, "php", "7.1", FIRST);

        // when / then
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags")
                .then().statusCode(200)
                .body("kind", equalTo("ImageStreamTagList"))
                .body("items.metadata.name", contains("php:7.1", "php:latest"));
    }

    @Test
    void servesTheTablesKubectlPrints() {
        // given
        String ns = phpStream();
        map(ns, "php", "7.1", FIRST);

        // when / then
        given().accept("application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
                .when().get(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(200)
                .header("Content-Type", containsString("as=Table"))
                .body("kind", equalTo("Table"))
                .body("columnDefinitions.name", contains("Name", "Image Repository", "Tags", "Updated"))
                .body("rows[0].cells[0]", equalTo("php"))
                .body("rows[0].cells[2]", equalTo("7.1,latest"));
        given().accept("application/json;as=Table;v=v1;g=meta.k8s.io")
                .when().get(API + "/namespaces/" + ns + "/imagestreamtags")
                .then().statusCode(200)
                .body("rows.collect { it.cells[0] }", contains("php:7.1", "php:latest"));
    }

    @Test
    void mappingsNeedAnExistingStreamAndAValidImage() {
        String ns = phpStream();
        given().contentType("application/json").body(mapping("nope", "v1", FIRST))
                .when().post(API + "/namespaces/" + ns + "/imagestreammappings")
                .then().statusCode(404)
                .body("message", equalTo("imagestreams.image.openshift.io \"nope\" not found"));
        given().contentType("application/json").body(mapping("php", "", FIRST))
                .when().post(API + "/namespaces/" + ns + "/imagestreammappings")
                .then().statusCode(422)
                .body("details.causes.field", hasItem("tag"));
    }

    @Test
    void deletedImagesLeaveHistoryButTheirIstagIsGone() {
        // given
        String ns = phpStream();
        String digest = "sha256:" + UUID.randomUUID().toString().replace("-", "").repeat(2);
        map(ns, "php", "7.1", digest);

        // when
        given().when().delete(API + "/images/" + digest).then().statusCode(200).body("status", equalTo("Success"));

        // then
        given().when().get(API + "/images/" + digest).then().statusCode(404);
        given().when().get(API + "/namespaces/" + ns + "/imagestreamtags/php:7.1").then().statusCode(404);
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/php")
                .then().body("status.tags.find { it.tag == '7.1' }.items[0].image", equalTo(digest));
    }

    private static String phpStream() {
        String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/yaml")
                .body(ImageStreamResourceTest.fixture("seeds/php-imagestream.yaml").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(201);
        return ns;
    }

    private static void map(String ns, String stream, String tag, String digest) {
        given().contentType("application/json").body(mapping(stream, tag, digest))
                .when().post(API + "/namespaces/" + ns + "/imagestreammappings")
                .then().statusCode(201)
                .body("kind", equalTo("Status"))
                .body("status", equalTo("Success"));
    }

    private static String mapping(String stream, String tag, String digest) {
        return """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamMapping",
                 "metadata":{"name":"%s"},"tag":"%s",
                 "image":{"metadata":{"name":"%s"},"dockerImageReference":"quay.io/centos/php-71@%s"}}"""
                .formatted(stream, tag, digest, digest);
    }
}
