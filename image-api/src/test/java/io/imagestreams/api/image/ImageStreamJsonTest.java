package io.imagestreams.api.image;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.testing.Fixtures;
import io.imagestreams.api.testing.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageStreamJsonTest {

    private static final String PHP_71_DIGEST = "sha256:1ff68d2e3445091561a258c94c33d73655c44f90fa408a91eeb74f496268f402";

    @Test
    void aServerWrittenStreamRoundTripsUnchanged() {
        // given the php stream whose latest tracks 7.1, as OpenShift writes it
        String fixture = Fixtures.read("php-imagestream.json");

        // when
        ImageStream stream = Json.read(fixture, ImageStream.class);

        // then
        assertSameJson(Json.write(stream), fixture);
    }

    @Test
    void theTrackingTagAndItsHistoryAreReadIntoTheModel() {
        // when
        ImageStream stream = Json.read(Fixtures.read("php-imagestream.json"), ImageStream.class);

        // then
        TagReference latest = stream.getSpec().findTag("latest").orElseThrow();
        assertThat(latest.getFrom().getKind()).isEqualTo(ImageApi.KIND_IMAGE_STREAM_TAG);
        assertThat(latest.getFrom().getName()).isEqualTo("7.1");
        assertThat(latest.getGeneration()).isEqualTo(1L);
        assertThat(latest.getAnnotations()).containsEntry("supports", "php");
        TagEvent current = stream.getStatus().findTag("latest").orElseThrow().latest().orElseThrow();
        assertThat(current.getImage()).isEqualTo(PHP_71_DIGEST);
        assertThat(current.getCreated()).isEqualTo(Instant.parse("2020-05-12T07:00:33Z"));
        assertThat(stream.getMetadata().getAnnotations())
                .containsEntry(ImageAnnotations.DOCKER_REPOSITORY_CHECK, "2020-05-12T07:00:33Z");
    }

    @Test
    void theCuratedLibraryStreamRoundTripsWithNullGenerationsAndEmptyPolicies() {
        // given the openshift/library ruby stream: generation null, importPolicy {}, status with an empty repository
        String fixture = Fixtures.read("ruby-imagestream.json");

        // when
        ImageStream stream = Json.read(fixture, ImageStream.class);

        // then
        assertSameJson(Json.write(stream), fixture);
        assertThat(stream.getSpec().getTags()).allSatisfy(tag -> assertThat(tag.getGeneration()).isNull());
    }

    @Test
    void anEmptyStreamStillWritesSpecLookupPolicyAndStatusRepository() {
        // given
        ImageStream stream = ImageStream.of("demo", "app");

        // when
        String json = Json.write(stream);

        // then
        assertSameJson(json, """
                {"kind":"ImageStream","apiVersion":"image.openshift.io/v1",
                 "metadata":{"name":"app","namespace":"demo","creationTimestamp":null},
                 "spec":{"lookupPolicy":{"local":false}},
                 "status":{"dockerImageRepository":""}}
                """);
    }

    @Test
    void aBareStreamHasNoTypeMetaAsWhenEmbedded() {
        // when / then
        assertSameJson(Json.write(new ImageStream()), """
                {"metadata":{"creationTimestamp":null},"spec":{"lookupPolicy":{"local":false}},
                 "status":{"dockerImageRepository":""}}
                """);
    }

    @Test
    void aNewSpecTagWritesNullAnnotationsAndGenerationAndBothPolicies() {
        // given
        TagReference tag = TagReference.named("16.04").fromDockerImage("ubuntu");

        // when
        String json = Json.write(tag);

        // then
        assertSameJson(json, """
                {"name":"16.04","annotations":null,"from":{"kind":"DockerImage","name":"ubuntu"},
                 "generation":null,"importPolicy":{},"referencePolicy":{"type":""}}
                """);
    }

    @Test
    void aSpecTagWritesReferenceAndPolicyFlagsOnlyWhenSet() {
        // given
        TagReference tag = TagReference.named("prod")
                .fromDockerImage("quay.io/demo/app:1.0")
                .withReference(true)
                .withGeneration(3L)
                .withAnnotation("owner", "team-a")
                .withImportPolicy(TagImportPolicy.of(true, true, TagImportPolicy.PRESERVE_ORIGINAL))
                .withReferencePolicy(TagReferencePolicy.LOCAL);

        // when
        String json = Json.write(tag);

        // then
        assertSameJson(json, """
                {"name":"prod","annotations":{"owner":"team-a"},
                 "from":{"kind":"DockerImage","name":"quay.io/demo/app:1.0"},"reference":true,"generation":3,
                 "importPolicy":{"insecure":true,"scheduled":true,"importMode":"PreserveOriginal"},
                 "referencePolicy":{"type":"Local"}}
                """);
    }

    @Test
    void emptyAnnotationsStayAnEmptyObjectNotNull() {
        // given
        TagReference tag = Json.read("{\"name\":\"a\",\"annotations\":{}}", TagReference.class);

        // when / then
        assertThat(tag.getAnnotations()).isEmpty();
        assertThat(Json.write(tag)).contains("\"annotations\":{}");
    }

    @Test
    void aTagHistoryWithoutItemsWritesItemsAsNull() {
        // given
        NamedTagEventList history = NamedTagEventList.of("latest")
                .withCondition(TagEventCondition.importFailed("NotFound",
                        "dockerimage.image.openshift.io \"quay.io/demo/app:latest\" not found", 2,
                        Instant.parse("2026-11-22T10:00:00Z")));

        // when
        String json = Json.write(history);

        // then
        assertSameJson(json, """
                {"tag":"latest","items":null,"conditions":[
                  {"type":"ImportSuccess","status":"False","lastTransitionTime":"2026-11-22T10:00:00Z",
                   "reason":"NotFound",
                   "message":"dockerimage.image.openshift.io \\"quay.io/demo/app:latest\\" not found",
                   "generation":2}]}
                """);
        assertThat(Json.read(json, NamedTagEventList.class).getItems()).isEmpty();
    }

    @Test
    void aTagEventWritesAllFourFieldsEvenWhenEmpty() {
        // given a reference tag's event: no image name
        TagEvent event = TagEvent.of(Instant.parse("2026-11-22T10:00:00Z"), "quay.io/demo/app:1.0", "", 0);

        // when / then
        assertSameJson(Json.write(event), """
                {"created":"2026-11-22T10:00:00Z","dockerImageReference":"quay.io/demo/app:1.0","image":"",
                 "generation":0}
                """);
        assertSameJson(Json.write(new TagEvent()),
                "{\"created\":null,\"dockerImageReference\":\"\",\"image\":\"\",\"generation\":0}");
    }

    @Test
    void aConditionWithoutTransitionTimeWritesItAsNull() {
        // when / then
        assertSameJson(Json.write(new TagEventCondition()),
                "{\"type\":\"\",\"status\":\"\",\"lastTransitionTime\":null,\"generation\":0}");
    }

    @Test
    void statusWritesThePublicRepositoryOnlyWhenSet() {
        // given
        ImageStreamStatus status = new ImageStreamStatus();
        status.setDockerImageRepository("image-registry.openshift-image-registry.svc:5000/demo/app");
        status.setPublicDockerImageRepository("registry.apps.example.com/demo/app");

        // when / then
        assertSameJson(Json.write(status), """
                {"dockerImageRepository":"image-registry.openshift-image-registry.svc:5000/demo/app",
                 "publicDockerImageRepository":"registry.apps.example.com/demo/app"}
                """);
    }

    @Test
    void unknownFieldsAnywhereInAStreamAreIgnored() {
        // given
        String json = """
                {"kind":"ImageStream","apiVersion":"image.openshift.io/v1","metadata":{"name":"a"},
                 "futureField":1,
                 "spec":{"lookupPolicy":{"local":true,"x":1},"newSpecField":"x",
                         "tags":[{"name":"t","unknown":{"deep":[1,2]},"importPolicy":{"y":true}}]},
                 "status":{"dockerImageRepository":"r","tags":[{"tag":"t","items":[{"image":"i","platforms":["linux/amd64"]}]}]}}
                """;

        // when
        ImageStream stream = Json.read(json, ImageStream.class);

        // then
        assertThat(stream.getSpec().getLookupPolicy().isLocal()).isTrue();
        assertThat(stream.getSpec().getTags()).extracting(TagReference::getName).containsExactly("t");
        assertThat(stream.getStatus().getTags().get(0).getItems().get(0).getImage()).isEqualTo("i");
    }

    @Test
    void explicitNullsForValueFieldsReadAsTheirEmptyValue() {
        // given
        String json = """
                {"spec":null,"status":null,"metadata":null}
                """;

        // when
        ImageStream stream = Json.read(json, ImageStream.class);

        // then
        assertSameJson(Json.write(stream), Json.write(new ImageStream()));
    }

    @Test
    void aListWritesItsItemsAlwaysAndItsTypeMeta() {
        // given
        ImageStreamList list = new ImageStreamList();
        list.getMetadata().setResourceVersion("42");

        // when / then
        assertSameJson(Json.write(list), """
                {"kind":"ImageStreamList","apiVersion":"image.openshift.io/v1","metadata":{"resourceVersion":"42"},
                 "items":[]}
                """);
        ImageStreamList read = Json.read("{\"items\":[{\"metadata\":{\"name\":\"a\"}}]}", ImageStreamList.class);
        assertThat(read.getItems()).singleElement()
                .satisfies(stream -> assertThat(stream.getMetadata().getName()).isEqualTo("a"));
    }

    @Test
    void equalStreamsAreEqualAndAChangeInSpecMakesThemDiffer() {
        // given
        ImageStream a = Json.read(Fixtures.read("php-imagestream.json"), ImageStream.class);
        ImageStream b = Json.read(Fixtures.read("php-imagestream.json"), ImageStream.class);

        // when
        boolean equalBefore = a.equals(b) && a.hashCode() == b.hashCode();
        b.getSpec().findTag("7.1").orElseThrow().getImportPolicy().setScheduled(true);

        // then
        assertThat(equalBefore).isTrue();
        assertThat(a.getSpec()).isNotEqualTo(b.getSpec());
    }
}
