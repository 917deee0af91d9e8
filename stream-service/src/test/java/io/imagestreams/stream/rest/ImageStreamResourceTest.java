package io.imagestreams.stream.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The imagestreams resource over HTTP, against a real PostgreSQL: what a kubectl/fabric8/curl user sees. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ImageStreamResourceTest {

    private static final String API = "/apis/image.openshift.io/v1";

    @Test
    void createsTheSeedPhpStreamFromYamlWithServerOwnedMetadata() {
        // given
        String ns = namespace();

        // when
        JsonPath created = given().contentType("application/yaml").body(fixture("seeds/php-imagestream.yaml").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(201)
                .body("kind", equalTo("ImageStream"))
                .body("apiVersion", equalTo("image.openshift.io/v1"))
                .body("metadata.namespace", equalTo(ns))
                .body("metadata.uid", notNullValue())
                .body("metadata.resourceVersion", not(emptyString()))
                .body("metadata.generation", equalTo(1))
                .body("metadata.creationTimestamp", notNullValue())
                .body("spec.tags.name", contains("7.0", "7.1", "latest"))
                .body("spec.tags.generation", contains(1, 1, 1))
                .body("spec.tags[0].importPolicy.importMode", equalTo("Legacy"))
                .body("status.dockerImageRepository", equalTo(""))
                .extract().jsonPath();

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/php")
                .then().statusCode(200)
                .body("metadata.uid", equalTo(created.getString("metadata.uid")))
                .body("metadata.resourceVersion", equalTo(created.getString("metadata.resourceVersion")))
                .body("spec.tags.find { it.name == 'latest' }.from.kind", equalTo("ImageStreamTag"))
                .body("spec.tags.find { it.name == 'latest' }.from.name", equalTo("7.1"));
    }

    @Test
    void answersNotFoundAsAKubernetesStatus() {
        given().when().get(API + "/namespaces/" + namespace() + "/imagestreams/nope")
                .then().statusCode(404)
                .body("kind", equalTo("Status"))
                .body("status", equalTo("Failure"))
                .body("reason", equalTo("NotFound"))
                .body("message", equalTo("imagestreams.image.openshift.io \"nope\" not found"))
                .body("code", equalTo(404));
    }

    @Test
    void refusesASecondStreamOfTheSameName() {
        // given
        String ns = namespace();
        create(ns, stream("app"));

        // when / then
        given().contentType("application/json").body(stream("app"))
                .when().post(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(409)
                .body("reason", equalTo("AlreadyExists"))
                .body("message", equalTo("imagestreams.image.openshift.io \"app\" already exists"));
    }

    @Test
    void reportsInvalidSpecTagsWithFieldPathsKeyedByTagName() {
        // given
        String body = """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"bad"},
                 "spec":{"tags":[{"name":"latest","from":{"kind":"DockerImage","name":""}}]}}""";

        // when / then
        given().contentType("application/json").body(body)
                .when().post(API + "/namespaces/" + namespace() + "/imagestreams")
                .then().statusCode(422)
                .body("reason", equalTo("Invalid"))
                .body("details.kind", equalTo("ImageStream"))
                .body("details.causes.field", hasItem("spec.tags[latest].from.name"))
                .body("message", containsString("spec.tags[latest].from.name: Required value"));
    }

    @Test
    void rejectsStaleResourceVersionsWithTheApiServersConflictWording() {
        // given
        String ns = namespace();
        JsonPath created = create(ns, stream("app"));
        String stale = created.getString("metadata.resourceVersion");
        given().contentType("application/json").body(withLabel(created.prettify(), "tier", "web"))
                .when().put(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(200);

        // when / then
        given().contentType("application/json").body(withLabel(created.prettify(), "tier", "db"))
                .when().put(API + "/namespaces/" + ns + "/imagestreams/app")
                .then().statusCode(409)
                .body("reason", equalTo("Conflict"))
                .body("message", equalTo("Operation cannot be fulfilled on imagestreams.image.openshift.io \"app\": "
                        + "the object has been modified; please apply your changes to the latest version and try again"));
        assertThat(stale).isNotEmpty();
    }

    @Test
    void bumpsTheGenerationOnSpecChangesOnly() {
        // given
        String ns = namespace();
        JsonPath created = create(ns, stream("app"));

        // when a label changes
        JsonPath relabelled = given().contentType("application/json").body(withLabel(created.prettify(), "tier", "web"))
                .when().put(API + "/namespaces/" + ns + "/imagestreams/app")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(relabelled.getInt("metadata.generation")).isEqualTo(1);
        assertThat(relabelled.getString("metadata.resourceVersion")).isNotEqualTo(created.getString("metadata.resourceVersion"));

        // when a spec tag is added
        String withTag = relabelled.prettify().replace("\"spec\": {", """
                "spec": {"tags": [{"name": "v2", "from": {"kind": "DockerImage", "name": "quay.io/acme/app:v2"}}],""");
        given().contentType("application/json").body(withTag)
                .when().put(API + "/namespaces/" + ns + "/imagestreams/app")
                .then().statusCode(200)
                .body("metadata.generation", equalTo(2))
                .body("spec.tags[0].generation", equalTo(2));
    }

    @Test
    void recordsReferenceTagsAtOnceWithoutAnImage() {
        // given
        String body = """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"ref"},
                 "spec":{"tags":[{"name":"stable","reference":true,"from":{"kind":"DockerImage","name":"quay.io/acme/app:1.0"}}]}}""";

        // when / then
        given().contentType("application/json").body(body)
                .when().post(API + "/namespaces/" + namespace() + "/imagestreams")
                .then().statusCode(201)
                .body("status.tags[0].tag", equalTo("stable"))
                .body("status.tags[0].items[0].dockerImageReference", equalTo("quay.io/acme/app:1.0"))
                .body("status.tags[0].items[0].image", equalTo(""))
                .body("status.tags[0].items[0].generation", equalTo(1));
    }

    @Test
    void listsPerNamespaceWithLabelSelectorsAndPaging() {
        // given
        String ns = namespace();
        for (String name : new String[] {"a", "b", "c"}) {
            create(ns, stream(name).replace("\"metadata\":{", "\"metadata\":{\"labels\":{\"team\":\"" + (name.equals("b") ? "x" : "y") + "\"},"));
        }

        // when / then
        given().queryParam("labelSelector", "team=y").when().get(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(200)
                .body("kind", equalTo("ImageStreamList"))
                .body("items.metadata.name", contains("a", "c"));
        String next = given().queryParam("limit", 2).when().get(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(200)
                .body("items.metadata.name", contains("a", "b"))
                .extract().path("metadata.continue");
        given().queryParam("limit", 2).queryParam("continue", next).when().get(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(200)
                .body("items.metadata.name", contains("c"))
                .body("metadata.continue", nullValue());
        given().queryParam("fieldSelector", "metadata.name=b").when().get(API + "/imagestreams")
                .then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void patchesWithEveryFormatKubectlAndClientsSend() {
        // given
        String ns = namespace();
        String url = API + "/namespaces/" + ns + "/imagestreams/php";
        given().contentType("application/yaml").body(fixture("seeds/php-imagestream.yaml").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);

        // when kubectl apply sends a merge patch
        given().contentType("application/merge-patch+json").body("{\"metadata\":{\"labels\":{\"team\":\"web\"}}}")
                .when().patch(url)
                .then().statusCode(200)
                .body("metadata.labels.team", equalTo("web"))
                .body("metadata.generation", equalTo(1));

        // when kubectl patch sends a strategic merge patch that adds one tag and keeps the others
        given().contentType("application/strategic-merge-patch+json")
                .body("{\"spec\":{\"tags\":[{\"name\":\"8.0\",\"from\":{\"kind\":\"DockerImage\",\"name\":\"quay.io/php:8.0\"}}]}}")
                .when().patch(url)
                .then().statusCode(200)
                .body("spec.tags.name", contains("7.0", "7.1", "8.0", "latest"))
                .body("metadata.generation", equalTo(2));

        // when a JSON patch removes a label
        given().contentType("application/json-patch+json").body("[{\"op\":\"remove\",\"path\":\"/metadata/labels/team\"}]")
                .when().patch(url)
                .then().statusCode(200)
                .body("metadata.labels", nullValue());

        // then a patch naming an old resourceVersion is a conflict, and unknown patch types are refused
        given().contentType("application/merge-patch+json").body("{\"metadata\":{\"resourceVersion\":\"1\",\"labels\":{\"a\":\"b\"}}}")
                .when().patch(url)
                .then().statusCode(409).body("reason", equalTo("Conflict"));
        given().contentType("text/plain").body("x").when().patch(url).then().statusCode(415);
        given().contentType("application/merge-patch+json").body("{}").when().patch(API + "/namespaces/" + ns + "/imagestreams/none")
                .then().statusCode(404);
    }

    @Test
    void deletesAStream() {
        // given
        String ns = namespace();
        create(ns, stream("app"));

        // when / then
        given().when().delete(API + "/namespaces/" + ns + "/imagestreams/app")
                .then().statusCode(200)
                .body("kind", equalTo("Status"))
                .body("status", equalTo("Success"))
                .body("details.name", equalTo("app"));
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(404);
        given().when().delete(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(404);
    }

    @Test
    void answersBadInputWithClientErrorsNeverServerErrors() {
        String url = API + "/namespaces/" + namespace() + "/imagestreams";
        given().contentType("application/json").body("{not json").when().post(url)
                .then().statusCode(400).body("reason", equalTo("BadRequest"));
        given().contentType("text/plain").body("hello").when().post(url)
                .then().statusCode(415).body("kind", equalTo("Status"));
        given().contentType("application/json").body("{\"apiVersion\":\"v1\",\"kind\":\"ImageStream\",\"metadata\":{\"name\":\"x\"}}")
                .when().post(url)
                .then().statusCode(400).body("message", containsString("does not match the expected API version"));
        given().contentType("application/json").body("{\"metadata\":{\"name\":\"x\",\"namespace\":\"other\"}}").when().post(url)
                .then().statusCode(400).body("message", containsString("does not match the namespace"));
        given().contentType("application/json").body("{\"metadata\":{\"name\":\"Bad_Name\"}}").when().post(url)
                .then().statusCode(422).body("details.causes.field", hasItem("metadata.name"));
        given().queryParam("labelSelector", "a in (").when().get(url).then().statusCode(400);
    }

    private static JsonPath create(String ns, String body) {
        return given().contentType("application/json").body(body)
                .when().post(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String stream(String name) {
        return "{\"apiVersion\":\"image.openshift.io/v1\",\"kind\":\"ImageStream\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{}}";
    }

    private static String withLabel(String json, String key, String value) {
        return json.replaceFirst("\"metadata\": \\{", "\"metadata\": {\"labels\": {\"" + key + "\": \"" + value + "\"},");
    }

    /** Each test works in its own namespace, so tests stay independent on one database. */
    private static String namespace() {
        return "ns-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String fixture(String path) {
        try (InputStream in = ImageStreamResourceTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
