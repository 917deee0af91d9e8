package io.imagestreams.stream.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.RepositoryImportStatus;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.Status;
import io.imagestreams.stream.client.FakeImportService;
import io.imagestreams.stream.client.FakeImportServiceResource;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code imagestreamimports} over HTTP against a real PostgreSQL, with import-service played by a fake on a free
 * port. The fake's URL must be known when Quarkus starts, so this class adds {@link FakeImportServiceResource} to
 * the usual pair of resources: one Quarkus start of its own.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = FakeImportServiceResource.class, parallel = true)
class ImageStreamImportResourceTest {

    private static final String API = "/apis/image.openshift.io/v1";
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String CHECKED = "openshift.io/image.dockerRepositoryCheck";

    FakeImportService fake;

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeEach
    void forgetEarlierLookups() {
        fake.clearRequests();
    }

    @Test
    void importsTwoImagesIntoTagsCreatingTheStream() {
        // given
        String ns = namespace();
        InMemorySink<String> outbox = connector.sink(OutboxRelay.CHANNEL);
        fake.answer(200, answer(success(A, "quay.io/acme/app", "v1"),
                failure(Status.notFound("image.openshift.io", "dockerimage", "quay.io/acme/app:missing"))));

        // when
        JsonPath isi = given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamImport","metadata":{"name":"app"},
                 "spec":{"import":true,"images":[
                   {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"},"to":{"name":"v1"}},
                   {"from":{"kind":"DockerImage","name":"quay.io/acme/app:missing"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201)
                .body("kind", equalTo("ImageStreamImport"))
                .body("metadata.uid", notNullValue())
                .body("status.images[0].status.status", equalTo("Success"))
                .body("status.images[0].image.metadata.name", equalTo(A))
                .body("status.images[0].image.metadata.uid", notNullValue())
                .body("status.images[0].image.dockerImageReference", equalTo("quay.io/acme/app@" + A))
                .body("status.images[1].status.status", equalTo("Failure"))
                .body("status.images[1].status.reason", equalTo("NotFound"))
                .body("status.import.kind", nullValue())
                .body("status.import.metadata.generation", equalTo(1))
                .body("status.import.metadata.annotations", hasKey(CHECKED))
                .body("status.import.spec.tags.name", contains("missing", "v1"))
                .body("status.import.spec.tags.generation", contains(1, 1))
                .body("status.import.spec.tags[1].from.name", equalTo("quay.io/acme/app:v1"))
                .extract().jsonPath();

        // then the stream holds the image by digest and the failure, and the image is stored
        JsonPath stream = given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(200).extract().jsonPath();
        assertThat(stream.getString("metadata.resourceVersion")).isEqualTo(isi.getString("status.import.metadata.resourceVersion"));
        assertThat(stream.getList("status.tags.find { it.tag == 'v1' }.items.dockerImageReference")).containsExactly("quay.io/acme/app@" + A);
        assertThat(stream.getList("status.tags.find { it.tag == 'v1' }.items.image")).containsExactly(A);
        assertThat(stream.getList("status.tags.find { it.tag == 'missing' }.items")).isNullOrEmpty();
        assertThat(stream.getString("status.tags.find { it.tag == 'missing' }.conditions[0].type")).isEqualTo("ImportSuccess");
        assertThat(stream.getString("status.tags.find { it.tag == 'missing' }.conditions[0].status")).isEqualTo("False");
        assertThat(stream.getString("status.tags.find { it.tag == 'missing' }.conditions[0].reason")).isEqualTo("NotFound");
        assertThat(stream.getString("status.tags.find { it.tag == 'missing' }.conditions[0].message"))
                .isEqualTo("dockerimage.image.openshift.io \"quay.io/acme/app:missing\" not found");
        given().when().get(API + "/images/" + A).then().statusCode(200).body("dockerImageReference", equalTo("quay.io/acme/app@" + A));

        // and import-service was asked with the defaulted request
        JsonPath asked = JsonPath.from(fake.requests().get(0));
        assertThat(asked.getString("metadata.namespace")).isEqualTo(ns);
        assertThat(asked.getString("spec.images[1].to.name")).isEqualTo("missing");
        assertThat(asked.getString("spec.images[1].importPolicy.importMode")).isEqualTo("Legacy");
        assertThat(asked.getMap("$")).doesNotContainKey("platformPreferences");

        // and the tag move is announced, without asking for an import of what was just imported
        await().atMost(Duration.ofSeconds(10)).until(() -> find(outbox.received(), EventTypes.TAG_UPDATED, ns) != null);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> find(outbox.received(), EventTypes.IMPORT_REQUESTED, ns) == null);
    }

    @Test
    void importServiceIsToldThePlatformTheTargetTagPrefers() {
        // given: a stream whose tag arm prefers linux/arm64 and whose tag plain prefers nothing
        String ns = namespace();
        given().contentType("application/json").body("""
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"},
                 "spec":{"tags":[
                   {"name":"arm","annotations":{"importer.image.openshift.io/prefer-arch":"arm64",
                                                "importer.image.openshift.io/prefer-os":"linux"},
                    "from":{"kind":"DockerImage","name":"quay.io/acme/app:1"}},
                   {"name":"plain","from":{"kind":"DockerImage","name":"quay.io/acme/app:1"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201);
        // digests of their own: images are cluster-wide, and other tests expect A and B (not) to exist
        String arm64 = "sha256:" + "5".repeat(64);
        String amd64 = "sha256:" + "6".repeat(64);
        fake.answer(200, answer(success(arm64, "quay.io/acme/app", "1"), success(arm64, "quay.io/acme/app", "arm"),
                success(amd64, "quay.io/acme/app", "1"), success(amd64, "quay.io/acme/app", "")));

        // when
        given().contentType("application/json").body("""
                {"metadata":{"name":"app"},"spec":{"import":true,"images":[
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:1"},"to":{"name":"arm"}},
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:arm"}},
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:1"},"to":{"name":"plain"}},
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app@%s"},"to":{"name":"arm"}}]}}""".formatted(amd64))
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201);

        // then: per image, the preference of the tag it imports into (by to, else the source tag); none for a digest
        JsonPath asked = JsonPath.from(fake.requests().get(0));
        assertThat(asked.getList("platformPreferences")).hasSize(4);
        assertThat(asked.getString("platformPreferences[0].preferArch")).isEqualTo("arm64");
        assertThat(asked.getString("platformPreferences[0].preferOs")).isEqualTo("linux");
        assertThat(asked.getString("platformPreferences[1].preferArch")).isEqualTo("arm64");
        assertThat(asked.getMap("platformPreferences[2]")).isEmpty();
        assertThat(asked.getMap("platformPreferences[3]")).isEmpty();
    }

    @Test
    void importsTheTagsOfARepository() {
        // given
        String ns = namespace();
        ImageStreamImportStatus found = new ImageStreamImportStatus();
        RepositoryImportStatus repository = new RepositoryImportStatus();
        repository.setStatus(Status.success().withoutTypeMeta());
        repository.getImages().add(success(A, "quay.io/acme/lib", "1.0"));
        repository.getImages().add(withTag(failure(Status.unauthorized("you may not have access to the container image \"quay.io/acme/lib:2.0\"")), "2.0"));
        repository.setAdditionalTags(List.of("0.9"));
        found.setRepository(repository);
        fake.answer(200, ImageApiJson.toJsonString(found));

        // when
        given().contentType("application/json").body("""
                {"metadata":{"name":"lib"},"spec":{"import":true,
                 "repository":{"from":{"kind":"DockerImage","name":"quay.io/acme/lib"},"referencePolicy":{"type":"Local"}}}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201)
                .body("status.repository.additionalTags", contains("0.9"))
                .body("status.repository.images[0].image.metadata.uid", notNullValue())
                .body("status.import.spec.tags.name", contains("1.0"))
                .body("status.import.spec.tags[0].from.name", equalTo("quay.io/acme/lib:1.0"))
                .body("status.import.spec.tags[0].referencePolicy.type", equalTo("Local"))
                .body("status.import.status.tags.find { it.tag == '1.0' }.items[0].dockerImageReference", equalTo("quay.io/acme/lib@" + A))
                .body("status.import.status.tags.find { it.tag == '2.0' }.conditions[0].reason", equalTo("Unauthorized"));
    }

    @Test
    void aDryRunOnlyLooksImagesUp() {
        // given
        String ns = namespace();
        Image withManifest = image(B, "quay.io/acme/app");
        withManifest.setDockerImageManifest("{\"schemaVersion\":2}");
        ImageImportStatus shown = ImageImportStatus.succeeded(withManifest, "v2");
        ImageImportStatus hidden = ImageImportStatus.succeeded(ImageApiJson.deepCopy(withManifest), "v2");
        fake.answer(200, answer(shown, hidden));

        // when
        given().contentType("application/json").body("""
                {"metadata":{"name":"app"},"spec":{"import":false,"images":[
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v2"},"includeManifest":true},
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v2"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201)
                .body("status", not(hasKey("import")))
                .body("status.images.status.status", everyItem(equalTo("Success")))
                .body("status.images[0].image.dockerImageManifest", equalTo("{\"schemaVersion\":2}"))
                .body("status.images[1].image", not(hasKey("dockerImageManifest")));

        // then no stream and no image was written
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(404);
        given().when().get(API + "/images/" + B).then().statusCode(404);
    }

    @Test
    void reimportingTheSameDigestWritesNothing() {
        // given
        String ns = namespace();
        fake.answer(200, answer(success(A, "quay.io/acme/app", "v1")));
        String first = importV1(ns).getString("status.import.metadata.resourceVersion");

        // when
        JsonPath again = importV1(ns);

        // then
        assertThat(again.getString("status.import.metadata.resourceVersion")).isEqualTo(first);
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(200)
                .body("metadata.resourceVersion", equalTo(first))
                .body("status.tags[0].items", hasSize(1));
    }

    @Test
    void aStreamNeverCheckedGetsOnlyTheCheckAnnotation() {
        // given a stream created by hand
        String ns = namespace();
        String created = given().contentType("application/json").body("{\"metadata\":{\"name\":\"app\"}}")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201)
                .extract().path("metadata.resourceVersion");
        fake.answer(200, answer(success(A, "quay.io/acme/app", "")));

        // when a pure lookup (no target tag) is imported
        JsonPath isi = given().contentType("application/json").body("""
                {"metadata":{"name":"app"},"spec":{"import":true,"images":[
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app@%s"}}]}}""".formatted(A))
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201).extract().jsonPath();

        // then
        assertThat(isi.getString("status.import.metadata.resourceVersion")).isNotEqualTo(created);
        assertThat(isi.getMap("status.import.metadata.annotations")).containsKey(CHECKED);
        assertThat(isi.getLong("status.import.metadata.generation")).isEqualTo(1L);
        assertThat(isi.getList("status.import.spec.tags")).isNullOrEmpty();
        given().when().get(API + "/images/" + A).then().statusCode(200);
    }

    @Test
    void aStaleResourceVersionIsAConflictAndAsksNoRegistry() {
        // given a stream that moved on since the client read it
        String ns = namespace();
        String read = given().contentType("application/json").body("{\"metadata\":{\"name\":\"app\"}}")
                .when().post(API + "/namespaces/" + ns + "/imagestreams").then().statusCode(201)
                .extract().path("metadata.resourceVersion");
        fake.answer(200, answer(success(A, "quay.io/acme/app", "v1")));
        String current = importV1(ns).getString("status.import.metadata.resourceVersion");
        fake.clearRequests();

        // when
        given().contentType("application/yaml").body("""
                apiVersion: image.openshift.io/v1
                kind: ImageStreamImport
                metadata: {name: app, resourceVersion: "%s"}
                spec:
                  import: true
                  images:
                  - from: {kind: DockerImage, name: quay.io/acme/app:v1}
                """.formatted(read).getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(409)
                .body("reason", equalTo("Conflict"))
                .body("message", equalTo("Operation cannot be fulfilled on imagestream.image.openshift.io \"app\": "
                        + "the image stream was updated from \"" + read + "\" to \"" + current + "\""));

        // then
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aResourceVersionForAMissingStreamIsNotFound() {
        given().contentType("application/json").body("""
                {"metadata":{"name":"app","resourceVersion":"7"},"spec":{"import":true,"images":[
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"}}]}}""")
                .when().post(API + "/namespaces/" + namespace() + "/imagestreamimports")
                .then().statusCode(404)
                .body("message", equalTo("imagestreams.image.openshift.io \"app\" not found"));
    }

    @Test
    void refusesAnImageThatIsNotADockerImage() {
        given().contentType("application/json").body("""
                {"metadata":{"name":"app"},"spec":{"import":true,"images":[
                  {"from":{"kind":"ImageStreamTag","name":"other:v1"},"to":{"name":"v1"}}]}}""")
                .when().post(API + "/namespaces/" + namespace() + "/imagestreamimports")
                .then().statusCode(422)
                .body("reason", equalTo("Invalid"))
                .body("details.kind", equalTo("ImageStreamImport"))
                .body("details.causes[0].field", equalTo("spec.images[0].from.kind"))
                .body("message", equalTo("ImageStreamImport.image.openshift.io \"app\" is invalid: "
                        + "spec.images[0].from.kind: Invalid value: \"ImageStreamTag\": only DockerImage is supported"));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void whenImportServiceIsDownEveryImageFailsAndTheStreamStaysAsItWas() {
        // given
        String ns = namespace();
        fake.answer(200, answer(success(A, "quay.io/acme/app", "v1")));
        String before = importV1(ns).getString("status.import.metadata.resourceVersion");
        fake.answer(503, "{\"message\":\"down for maintenance\"}");

        // when
        given().contentType("application/json").body("""
                {"metadata":{"name":"app"},"spec":{"import":true,"images":[
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"},"to":{"name":"v1"}},
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v2"},"to":{"name":"v2"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201)
                .body("status.images", hasSize(2))
                .body("status.images.status.status", everyItem(equalTo("Failure")))
                .body("status.images.status.reason", everyItem(equalTo("InternalError")))
                .body("status.images.status.code", everyItem(equalTo(500)))
                .body("status.images[0].status.message", equalTo("Internal error occurred: import-service at " + fake.url()
                        + "/api/v1/lookups answered HTTP 503: down for maintenance"))
                .body("status.import.metadata.resourceVersion", equalTo(before));

        // then
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/app").then().statusCode(200)
                .body("metadata.resourceVersion", equalTo(before))
                .body("spec.tags.name", contains("v1"))
                .body("status.tags[0]", not(hasKey("conditions")));
    }

    private static JsonPath importV1(String ns) {
        return given().contentType("application/json").body("""
                {"metadata":{"name":"app"},"spec":{"import":true,"images":[
                  {"from":{"kind":"DockerImage","name":"quay.io/acme/app:v1"},"to":{"name":"v1"}}]}}""")
                .when().post(API + "/namespaces/" + ns + "/imagestreamimports")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String answer(ImageImportStatus... results) {
        ImageStreamImportStatus status = new ImageStreamImportStatus();
        status.setImages(List.of(results));
        return ImageApiJson.toJsonString(status);
    }

    private static Image image(String digest, String repository) {
        return Image.named(digest).withDockerImageReference(repository + "@" + digest);
    }

    private static ImageImportStatus success(String digest, String repository, String tag) {
        return ImageImportStatus.succeeded(image(digest, repository), tag.isEmpty() ? null : tag);
    }

    private static ImageImportStatus failure(Status status) {
        return ImageImportStatus.failed(status);
    }

    private static ImageImportStatus withTag(ImageImportStatus result, String tag) {
        result.setTag(tag);
        return result;
    }

    private static Message<String> find(List<? extends Message<String>> messages, String type, String ns) {
        return messages.stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).map(ce -> ce.getType().equals(type)).orElse(false))
                .filter(m -> ns.equals(JsonPath.from(m.getPayload()).getString("namespace")))
                .findFirst().orElse(null);
    }

    private static String namespace() {
        return "isi-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
