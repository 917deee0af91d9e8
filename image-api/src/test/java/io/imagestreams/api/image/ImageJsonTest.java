package io.imagestreams.api.image;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.testing.Fixtures;
import io.imagestreams.api.testing.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageJsonTest {

    private static final String DIGEST = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";

    @Test
    void theRegistrysMappingAfterAPushRoundTripsUnchanged() {
        // given the mapping that tags test/origin-ruby-sample:latest, with image.metadata.name set
        String fixture = Fixtures.read("origin-ruby-sample-mapping.json");

        // when
        ImageStreamMapping mapping = Json.read(fixture, ImageStreamMapping.class);

        // then
        assertSameJson(Json.write(mapping), fixture);
    }

    @Test
    void theMappingsDockerMetadataIsReadWithItsCapitalisedNames() {
        // when
        ImageStreamMapping mapping = Json.read(Fixtures.read("origin-ruby-sample-mapping.json"),
                ImageStreamMapping.class);

        // then
        assertThat(mapping.getTag()).isEqualTo("latest");
        Image image = mapping.getImage();
        assertThat(image.getMetadata().getName()).isEqualTo(DIGEST);
        DockerImageMetadata metadata = image.getDockerImageMetadata();
        assertThat(metadata.getApiVersion()).isEqualTo(ImageApi.DOCKER_IMAGE_METADATA_API_VERSION);
        assertThat(metadata.getCreated()).isEqualTo(Instant.parse("2016-01-29T13:40:00Z"));
        assertThat(metadata.getSize()).isEqualTo(441976279L);
        assertThat(metadata.getConfig().getExposedPorts()).containsExactly("8080/tcp");
        assertThat(metadata.getConfig().getCmd()).containsExactly("/usr/libexec/s2i/run");
        assertThat(metadata.getConfig().getLabels()).containsEntry("io.openshift.tags", "builder,ruby,ruby22");
        assertThat(metadata.getContainerConfig().isAttachStdout()).isTrue();
        assertThat(image.getDockerImageLayers()).hasSize(5)
                .first().extracting(ImageLayer::getSize).isEqualTo(0L);
    }

    @Test
    void anEmptyImageWritesNullMetadataAsGoWritesAnUnsetRawExtension() {
        // when / then
        assertSameJson(Json.write(new Image()), "{\"metadata\":{\"creationTimestamp\":null},\"dockerImageMetadata\":null}");
    }

    @Test
    void newDockerMetadataCarriesOpenShiftsTypeMetaIdAndContainerConfig() {
        // when / then
        assertSameJson(Json.write(new DockerImageMetadata()), """
                {"kind":"DockerImage","apiVersion":"image.openshift.io/1.0","Id":"","Created":null,
                 "ContainerConfig":{}}
                """);
    }

    @Test
    void dockerConfigWritesPortsAndVolumesAsObjectsOfEmptyObjects() {
        // given
        DockerConfig config = new DockerConfig();
        config.setExposedPorts(Set.of("8443/tcp", "8080/tcp"));
        config.setVolumes(Set.of("/data"));
        config.setMemory(0);
        config.setTty(false);

        // when
        String json = Json.write(config);

        // then
        assertSameJson(json, "{\"ExposedPorts\":{\"8080/tcp\":{},\"8443/tcp\":{}},\"Volumes\":{\"/data\":{}}}");
        assertThat(Json.read(json, DockerConfig.class)).isEqualTo(config);
    }

    @Test
    void osAndVariantAreWrittenOnlyWhenSet() {
        // given
        DockerImageMetadata metadata = new DockerImageMetadata();
        metadata.setArchitecture("arm64");
        metadata.setOs("linux");
        metadata.setVariant("v8");

        // when / then
        assertThat(Json.write(metadata)).contains("\"Architecture\":\"arm64\",\"Os\":\"linux\",\"Variant\":\"v8\"");
        assertThat(Json.write(new DockerImageMetadata())).doesNotContain("Os", "Variant");
    }

    @Test
    void aManifestListImageWritesItsChildrenAndNoLayers() {
        // given
        Image list = Image.named("sha256:" + "a".repeat(64))
                .withDockerImageReference("quay.io/demo/app@sha256:" + "a".repeat(64));
        list.setDockerImageManifestMediaType("application/vnd.oci.image.index.v1+json");
        ImageManifest arm = ImageManifest.of("sha256:" + "b".repeat(64), "application/vnd.oci.image.manifest.v1+json",
                1024, "arm64", "linux");
        arm.setVariant("v8");
        list.setDockerImageManifests(List.of(arm));

        // when
        String json = Json.write(list);

        // then
        assertSameJson(json, """
                {"kind":"Image","apiVersion":"image.openshift.io/v1",
                 "metadata":{"name":"sha256:%1$s","creationTimestamp":null},
                 "dockerImageReference":"quay.io/demo/app@sha256:%1$s",
                 "dockerImageMetadata":null,
                 "dockerImageManifestMediaType":"application/vnd.oci.image.index.v1+json",
                 "dockerImageManifests":[{"digest":"sha256:%2$s","mediaType":"application/vnd.oci.image.manifest.v1+json",
                   "manifestSize":1024,"architecture":"arm64","os":"linux","variant":"v8"}]}
                """.formatted("a".repeat(64), "b".repeat(64)));
        assertThat(Json.read(json, Image.class)).isEqualTo(list);
    }

    @Test
    void schemaOneSignaturesAreWrittenAsBase64AndSignatureObjectsAreKeptAsTheyCame() {
        // given
        String json = """
                {"metadata":{"name":"sha256:x"},"dockerImageMetadata":null,
                 "signatures":[{"metadata":{"name":"sha256:x@abc"},"type":"AtomicImageV1","content":"AAE="}],
                 "dockerImageSignatures":["c2lnbmF0dXJl"]}
                """;

        // when
        Image image = Json.read(json, Image.class);

        // then
        assertThat(new String(image.getDockerImageSignatures().get(0), StandardCharsets.UTF_8)).isEqualTo("signature");
        assertThat(image.getSignatures().get(0).get("type").asText()).isEqualTo("AtomicImageV1");
        assertThat(Json.read(Json.write(image), Image.class)).isEqualTo(image);
        assertThat(Json.write(image)).contains("\"dockerImageSignatures\":[\"c2lnbmF0dXJl\"]");
    }

    @Test
    void anImageStreamTagWritesANullTagForPushOnlyTagsAndAlwaysItsImage() {
        // given
        ImageStreamTag istag = ImageStreamTag.of("test", "origin-ruby-sample", "latest");
        istag.getImage().getMetadata().setName(DIGEST);
        istag.setGeneration(4);

        // when
        String json = Json.write(istag);

        // then
        assertSameJson(json, """
                {"kind":"ImageStreamTag","apiVersion":"image.openshift.io/v1",
                 "metadata":{"name":"origin-ruby-sample:latest","namespace":"test","creationTimestamp":null},
                 "tag":null,"generation":4,"lookupPolicy":{"local":false},
                 "image":{"metadata":{"name":"%s","creationTimestamp":null},"dockerImageMetadata":null}}
                """.formatted(DIGEST));
        assertThat(Json.read(json, ImageStreamTag.class)).isEqualTo(istag);
    }

    @Test
    void anImageStreamImageAndItsListsRoundTrip() {
        // given
        ImageStreamImage isimage = ImageStreamImage.of("test", "origin-ruby-sample", DIGEST);
        isimage.setImage(Image.named(DIGEST));
        ImageStreamTagList istags = new ImageStreamTagList(List.of(ImageStreamTag.of("test", "s", "t")));
        ImageList images = new ImageList(List.of(Image.named(DIGEST)));

        // when / then
        assertThat(Json.read(Json.write(isimage), ImageStreamImage.class)).isEqualTo(isimage);
        assertThat(Json.read(Json.write(istags), ImageStreamTagList.class)).isEqualTo(istags);
        assertThat(Json.read(Json.write(images), ImageList.class)).isEqualTo(images);
        assertThat(Json.write(isimage)).startsWith("{\"kind\":\"ImageStreamImage\",\"apiVersion\":\"image.openshift.io/v1\","
                + "\"metadata\":{\"name\":\"origin-ruby-sample@" + DIGEST + "\"");
    }

    @Test
    void anEmptyMappingStillWritesImageAndTag() {
        // when / then
        assertSameJson(Json.write(new ImageStreamMapping()), """
                {"metadata":{"creationTimestamp":null},
                 "image":{"metadata":{"creationTimestamp":null},"dockerImageMetadata":null},"tag":""}
                """);
    }
}
