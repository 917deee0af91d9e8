package io.imagestreams.api.meta;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.testing.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMetaJsonTest {

    @Test
    void emptyMetadataWritesOnlyANullCreationTimestampAsGoDoes() {
        // when
        String json = Json.write(new ObjectMeta());

        // then
        assertSameJson(json, "{\"creationTimestamp\":null}");
    }

    @Test
    void fullMetadataIsWrittenInKubernetesOrderWithSortedMaps() {
        // given
        ObjectMeta meta = ObjectMeta.of("openshift", "php")
                .withUid("36ad7e18-941e-11ea-861c-000c298f8070")
                .withResourceVersion("1235")
                .withGeneration(2)
                .withCreationTimestamp(Instant.parse("2020-05-12T07:00:07Z"))
                .withLabel("b", "2")
                .withLabel("a", "1")
                .withAnnotation("openshift.io/display-name", "PHP");
        meta.setDeletionTimestamp(Instant.parse("2020-05-13T07:00:07Z"));
        meta.getFinalizers().add("example.com/keep");

        // when
        String json = Json.write(meta);

        // then
        assertSameJson(json, """
                {"name":"php","namespace":"openshift","uid":"36ad7e18-941e-11ea-861c-000c298f8070",
                 "resourceVersion":"1235","generation":2,"creationTimestamp":"2020-05-12T07:00:07Z",
                 "deletionTimestamp":"2020-05-13T07:00:07Z","labels":{"a":"1","b":"2"},
                 "annotations":{"openshift.io/display-name":"PHP"},"finalizers":["example.com/keep"]}
                """);
    }

    @Test
    void selfLinkManagedFieldsAndUnknownFieldsAreDroppedOnInput() {
        // given
        String json = """
                {"name":"php","selfLink":"/apis/image.openshift.io/v1/namespaces/openshift/imagestreams/php",
                 "managedFields":[{"manager":"oc","operation":"Update"}],"somethingNew":true,
                 "creationTimestamp":"2020-05-12T07:00:07Z"}
                """;

        // when
        ObjectMeta meta = Json.read(json, ObjectMeta.class);

        // then
        assertSameJson(Json.write(meta), "{\"name\":\"php\",\"creationTimestamp\":\"2020-05-12T07:00:07Z\"}");
    }

    @Test
    void nullCollectionsOnInputReadAsEmpty() {
        // when
        ObjectMeta meta = Json.read("{\"labels\":null,\"annotations\":null,\"finalizers\":null}", ObjectMeta.class);

        // then
        assertThat(meta.getLabels()).isEmpty();
        assertThat(meta.getAnnotations()).isEmpty();
        assertThat(meta.getFinalizers()).isEmpty();
    }

    @Test
    void ownerReferencesKeepTheirRequiredFields() {
        // given
        OwnerReference owner = new OwnerReference();
        owner.setApiVersion("apps/v1");
        owner.setKind("Deployment");
        owner.setName("web");
        owner.setUid("u-1");
        owner.setController(true);
        ObjectMeta meta = new ObjectMeta();
        meta.setOwnerReferences(java.util.List.of(owner));

        // when
        String json = Json.write(meta);

        // then
        assertSameJson(json, """
                {"creationTimestamp":null,"ownerReferences":[
                  {"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"u-1","controller":true}]}
                """);
    }

    @Test
    void listMetaWritesContinueAndOmitsEmptyFields() {
        // given
        ListMeta meta = ListMeta.atResourceVersion("77");
        meta.setContinue("token");
        meta.setRemainingItemCount(3L);

        // when / then
        assertSameJson(Json.write(meta), "{\"resourceVersion\":\"77\",\"continue\":\"token\",\"remainingItemCount\":3}");
        assertSameJson(Json.write(new ListMeta()), "{}");
        assertThat(Json.read("{\"continue\":\"next\"}", ListMeta.class).getContinue()).isEqualTo("next");
    }

    @Test
    void objectReferenceOmitsEveryEmptyField() {
        // given
        ObjectReference reference = ObjectReference.of("ImageStreamTag", "7.1").withNamespace("");

        // when / then
        assertSameJson(Json.write(reference), "{\"kind\":\"ImageStreamTag\",\"name\":\"7.1\"}");
        assertSameJson(Json.write(new LocalObjectReference()), "{}");
        assertThat(Json.read("{\"kind\":\"DockerImage\",\"name\":\"ubuntu\",\"namespace\":\"x\"}",
                ObjectReference.class)).isEqualTo(ObjectReference.of("DockerImage", "ubuntu").withNamespace("x"));
    }

    @Test
    void labelsSetFromAnUnsortedMapAreWrittenSorted() {
        // given
        ObjectMeta meta = new ObjectMeta();
        meta.setLabels(Map.of("z", "1", "a", "2", "m", "3"));

        // when / then
        assertThat(Json.write(meta)).contains("{\"a\":\"2\",\"m\":\"3\",\"z\":\"1\"}");
    }
}
