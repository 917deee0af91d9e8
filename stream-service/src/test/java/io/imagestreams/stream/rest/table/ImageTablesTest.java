package io.imagestreams.stream.rest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageList;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImage;
import io.imagestreams.api.image.ImageStreamList;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.ImageStreamTagList;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ListMeta;
import io.imagestreams.api.meta.ObjectMeta;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTablesTest {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void anImageStreamListBecomesATableWithPartialObjectMetadataRows() throws Exception {
        // given
        ImageStreamList list = new ImageStreamList(List.of(stream()));
        list.setApiVersion(null);
        list.setMetadata(ListMeta.atResourceVersion("42"));
        list.getMetadata().setContinue("next-page");

        // when
        JsonNode table = JSON.valueToTree(ImageTables.imageStreams(list, TableOptions.of(TableVersion.V1, null), NOW));

        // then
        assertThat(table.get("kind").asText()).isEqualTo("Table");
        assertThat(table.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(table.get("metadata").toString()).isEqualTo("{\"resourceVersion\":\"42\",\"continue\":\"next-page\"}");
        assertThat(table.get("columnDefinitions").get(0).toString()).isEqualTo("{\"name\":\"Name\",\"type\":\"string\","
                + "\"format\":\"name\",\"description\":\"" + TableColumnDefinition.OBJECT_NAME_DESCRIPTION
                + "\",\"priority\":0}");
        assertThat(table.get("columnDefinitions")).extracting(column -> column.get("name").asText())
                .containsExactly("Name", "Image Repository", "Tags", "Updated");
        assertThat(table.get("rows").get(0).toString()).isEqualTo("{\"cells\":[\"app\",\"internal:5000/ns/app\","
                + "\"latest\",\"5m ago\"],\"object\":{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\","
                + "\"metadata\":{\"name\":\"app\",\"namespace\":\"ns\",\"resourceVersion\":\"41\","
                + "\"creationTimestamp\":\"2026-11-21T10:00:00Z\",\"labels\":{\"team\":\"a\"}}}}");
    }

    @Test
    void partialObjectMetadataTakesTheTablesVersion() {
        // when
        Table table = ImageTables.imageStream(stream(), TableOptions.of(TableVersion.V1BETA1, "Metadata"), NOW);

        // then
        assertThat(table.apiVersion()).isEqualTo("meta.k8s.io/v1beta1");
        assertThat(((PartialObjectMetadata) table.rows().get(0).object()).apiVersion()).isEqualTo("meta.k8s.io/v1beta1");
    }

    @Test
    void aSingleObjectsTableTakesItsResourceVersion() {
        // when
        Table table = ImageTables.imageStream(stream(), TableOptions.of(TableVersion.V1, null), NOW);

        // then
        assertThat(table.metadata().getResourceVersion()).isEqualTo("41");
        assertThat(table.rows()).hasSize(1);
    }

    @Test
    void includeObjectObjectCarriesATypedCopyAndLeavesTheInputAlone() {
        // given
        ImageStream stream = stream();
        stream.setKind(null);
        stream.setApiVersion(null);

        // when
        Table table = ImageTables.imageStreams(new ImageStreamList(List.of(stream)),
                TableOptions.of(TableVersion.V1, "Object"), NOW);

        // then
        ImageStream object = (ImageStream) table.rows().get(0).object();
        assertThat(object.getKind()).isEqualTo("ImageStream");
        assertThat(object.getApiVersion()).isEqualTo("image.openshift.io/v1");
        assertThat(object.getStatus()).isEqualTo(stream.getStatus());
        assertThat(stream.getKind()).isNull();
    }

    @Test
    void includeObjectNoneWritesANullObject() {
        // when
        JsonNode table = JSON.valueToTree(ImageTables.imageStream(stream(), TableOptions.of(TableVersion.V1, "None"),
                NOW));

        // then
        assertThat(table.get("rows").get(0).has("object")).isTrue();
        assertThat(table.get("rows").get(0).get("object").isNull()).isTrue();
    }

    @Test
    void anUnknownIncludeObjectIsRejectedWithTheServersMessage() {
        assertThatThrownBy(() -> TableOptions.of(TableVersion.V1, "Everything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unrecognized includeObject value: \"Everything\"");
    }

    @Test
    void withoutHeadersTheColumnDefinitionsAreNull() {
        // when
        JsonNode table = JSON.valueToTree(ImageTables.imageStream(stream(),
                TableOptions.of(TableVersion.V1, null).withoutHeaders(), NOW));

        // then
        assertThat(table.get("columnDefinitions").isNull()).isTrue();
        assertThat(table.get("rows")).hasSize(1);
    }

    @Test
    void anEmptyListIsATableWithNoRows() {
        // when
        JsonNode table = JSON.valueToTree(ImageTables.imageStreams(new ImageStreamList(),
                TableOptions.of(TableVersion.V1, null), NOW));

        // then
        assertThat(table.get("rows").isArray()).isTrue();
        assertThat(table.get("rows")).isEmpty();
        assertThat(table.get("metadata").toString()).isEqualTo("{}");
    }

    @Test
    void imageStreamTagsPrintReferenceAgeAndTheWideImageName() {
        // given
        ImageStreamTag tag = ImageStreamTag.of("ns", "app", "latest");
        tag.getMetadata().setCreationTimestamp(NOW.minusSeconds(70));
        tag.setImage(Image.named(DIGEST).withDockerImageReference("registry/ns/app@" + DIGEST));
        ImageStreamTag unknownAge = ImageStreamTag.of("ns", "app", "old");

        // when
        Table table = ImageTables.imageStreamTags(new ImageStreamTagList(List.of(tag, unknownAge)),
                TableOptions.of(TableVersion.V1, null), NOW);

        // then
        assertThat(table.columnDefinitions()).extracting(TableColumnDefinition::name, TableColumnDefinition::priority)
                .containsExactly(tuple("Name", 0), tuple("Image Reference", 0), tuple("Updated", 0),
                        tuple("Image Name", 1));
        assertThat(table.rows().get(0).cells())
                .containsExactly("app:latest", "registry/ns/app@" + DIGEST, "70s ago", DIGEST);
        assertThat(table.rows().get(1).cells()).containsExactly("app:old", "", "", "");
    }

    @Test
    void imagesPrintNameAndReference() {
        // given
        ImageList list = new ImageList(List.of(Image.named(DIGEST).withDockerImageReference("registry/ns/app@" + DIGEST),
                Image.named("sha256:" + "b".repeat(64))));

        // when
        Table table = ImageTables.images(list, TableOptions.of(TableVersion.V1, null));

        // then
        assertThat(table.columnDefinitions()).extracting(TableColumnDefinition::name)
                .containsExactly("Name", "Image Reference");
        assertThat(table.rows()).extracting(TableRow::cells).containsExactly(
                List.of(DIGEST, "registry/ns/app@" + DIGEST), List.of("sha256:" + "b".repeat(64), ""));
        assertThat(ImageTables.image(list.getItems().get(0), TableOptions.of(TableVersion.V1, null)).rows())
                .hasSize(1);
    }

    @Test
    void imageStreamImagesPrintAgeThenTheWideReferenceAndName() {
        // given
        ImageStreamImage image = ImageStreamImage.of("ns", "app", DIGEST);
        image.getMetadata().setCreationTimestamp(NOW.minusSeconds(3 * 3600 + 60));
        image.setImage(Image.named(DIGEST).withDockerImageReference("registry/ns/app@" + DIGEST));

        // when
        Table table = ImageTables.imageStreamImage(image, TableOptions.of(TableVersion.V1, null), NOW);

        // then
        assertThat(table.columnDefinitions()).extracting(TableColumnDefinition::priority).containsExactly(0, 0, 1, 1);
        assertThat(table.rows().get(0).cells())
                .containsExactly("app@" + DIGEST, "3h1m ago", "registry/ns/app@" + DIGEST, DIGEST);
    }

    private static ImageStream stream() {
        ImageStream stream = ImageStream.of("ns", "app")
                .withStatusTag(NamedTagEventList.of("latest",
                        TagEvent.of(NOW.minusSeconds(300), "registry/ns/app@" + DIGEST, DIGEST, 1)));
        stream.setMetadata(ObjectMeta.of("ns", "app").withResourceVersion("41")
                .withCreationTimestamp(NOW.minusSeconds(86_400)).withLabel("team", "a"));
        stream.getStatus().setDockerImageRepository("internal:5000/ns/app");
        return stream;
    }
}
