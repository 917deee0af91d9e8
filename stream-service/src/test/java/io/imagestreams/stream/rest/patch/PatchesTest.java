package io.imagestreams.stream.rest.patch;

import static io.imagestreams.stream.rest.patch.PatchAssertions.badRequestMessage;
import static io.imagestreams.stream.rest.patch.PatchAssertions.bytes;
import static io.imagestreams.stream.rest.patch.PatchAssertions.json;
import static io.imagestreams.stream.rest.patch.PatchAssertions.notApplicableDetail;
import static io.imagestreams.stream.rest.patch.PatchAssertions.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.Status;
import io.imagestreams.stream.rest.RequestBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchesTest {

    private static final String STREAM = """
            {"kind": "ImageStream", "apiVersion": "image.openshift.io/v1",
             "metadata": {"name": "web", "namespace": "demo", "uid": "u-1", "resourceVersion": "7",
                          "labels": {"app": "web"}},
             "spec": {"lookupPolicy": {"local": false},
                      "tags": [
                        {"name": "latest", "annotations": null,
                         "from": {"kind": "DockerImage", "name": "quay.io/web:1"}, "generation": 2,
                         "importPolicy": {}, "referencePolicy": {"type": "Source"}},
                        {"name": "old", "annotations": null,
                         "from": {"kind": "DockerImage", "name": "quay.io/web:0"}, "generation": 1,
                         "importPolicy": {}, "referencePolicy": {"type": "Source"}}]},
             "status": {"dockerImageRepository": "image-registry.local/demo/web"}}""";

    private final JsonNode stream = json(STREAM);

    @Test
    void appliesAKubectlApplyMergePatchToAnImageStream() {
        // given: what client-side kubectl apply sends once the manifest gains a label and loses the tag "old"
        String patch = """
                {"metadata": {"annotations": {"kubectl.kubernetes.io/last-applied-configuration":
                                "{\\"kind\\":\\"ImageStream\\"}\\n"},
                              "labels": {"team": "payments"}},
                 "spec": {"tags": [{"name": "latest", "from": {"kind": "DockerImage", "name": "quay.io/web:2"},
                                    "referencePolicy": {"type": "Local"}}]}}""";

        // when
        JsonNode result = Patches.apply(stream, bytes(patch), "application/merge-patch+json", PatchSchema.IMAGE_STREAM);
        ImageStream updated = Patches.decode(result, "ImageStream", ImageStream.class);

        // then: the list is replaced wholesale, maps merge
        assertThat(result.at("/metadata/labels")).isEqualTo(json("{\"app\": \"web\", \"team\": \"payments\"}"));
        assertThat(result.at("/spec/tags")).isEqualTo(json("""
                [{"name": "latest", "from": {"kind": "DockerImage", "name": "quay.io/web:2"},
                  "referencePolicy": {"type": "Local"}}]"""));
        assertThat(result.at("/spec/lookupPolicy")).isEqualTo(stream.at("/spec/lookupPolicy"));
        assertThat(result.get("status")).isEqualTo(stream.get("status"));
        assertThat(updated.getSpec().getTags()).extracting(TagReference::getName).containsExactly("latest");
        assertThat(updated.getSpec().getTags().get(0).getFrom().getName()).isEqualTo("quay.io/web:2");
        assertThat(updated.getMetadata().getLabels()).containsEntry("team", "payments");
    }

    @Test
    void appliesAKubectlPatchStrategicMergePatchByDefaultMergingTagsByName() {
        // when
        JsonNode result = Patches.apply(stream,
                bytes("{\"spec\": {\"tags\": [{\"name\": \"old\", \"$patch\": \"delete\"}, "
                        + "{\"name\": \"latest\", \"from\": {\"name\": \"quay.io/web:3\"}}]}}"),
                "application/strategic-merge-patch+json", PatchSchema.IMAGE_STREAM);

        // then
        assertThat(result.at("/spec/tags")).hasSize(1);
        assertThat(result.at("/spec/tags/0/from")).isEqualTo(json("{\"kind\": \"DockerImage\", \"name\": \"quay.io/web:3\"}"));
        assertThat(result.at("/spec/tags/0/generation").asInt()).isEqualTo(2);
    }

    @Test
    void appliesAJsonPatch() {
        // when
        JsonNode result = Patches.apply(stream, bytes("""
                [{"op": "test", "path": "/metadata/resourceVersion", "value": "7"},
                 {"op": "replace", "path": "/spec/tags/1/from/name", "value": "quay.io/web:0.1"},
                 {"op": "add", "path": "/metadata/labels/tier", "value": "frontend"}]"""),
                "application/json-patch+json", PatchSchema.IMAGE_STREAM);

        // then
        assertThat(result.at("/spec/tags/1/from/name").asText()).isEqualTo("quay.io/web:0.1");
        assertThat(result.at("/metadata/labels/tier").asText()).isEqualTo("frontend");
    }

    @Test
    void appliesServerSideApplyYamlAsAStrategicMergeOfTheAppliedConfiguration() {
        // given
        String applied = """
                apiVersion: image.openshift.io/v1
                kind: ImageStream
                metadata:
                  name: web
                  labels:
                    team: payments
                spec:
                  tags:
                  - name: beta
                    from:
                      kind: DockerImage
                      name: quay.io/web:beta
                """;

        // when
        JsonNode result = Patches.apply(stream, bytes(applied), "application/apply-patch+yaml", PatchSchema.IMAGE_STREAM);

        // then
        assertThat(result.at("/metadata/labels")).isEqualTo(json("{\"app\": \"web\", \"team\": \"payments\"}"));
        assertThat(result.at("/spec/tags")).extracting(tag -> tag.get("name").asText())
                .containsExactly("beta", "latest", "old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/merge-patch+json; charset=utf-8", "Application/Merge-Patch+JSON",
            " application/merge-patch+json "})
    void readsTheContentTypeAsTheApiserverDoesIgnoringParametersAndCase(String contentType) {
        // when
        JsonNode result = Patches.apply(stream, bytes("{\"metadata\": {\"labels\": null}}"), contentType, null);

        // then
        assertThat(result.get("metadata").has("labels")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"application/json", "application/yaml", "text/plain", "application/json-patch+yaml"})
    void refusesOtherContentTypesWith415ListingTheAcceptedOnes(String contentType) {
        // when
        Status status = statusOf(() -> Patches.apply(stream, bytes("{}"), contentType, PatchSchema.IMAGE_STREAM));

        // then
        assertThat(status.getCode()).isEqualTo(415);
        assertThat(status.getReason()).isEqualTo("UnsupportedMediaType");
        assertThat(status.getMessage()).isEqualTo("the body of the request was in an unknown format - accepted media "
                + "types include: application/json-patch+json, application/merge-patch+json, "
                + "application/strategic-merge-patch+json, application/apply-patch+yaml");
    }

    @Test
    void refusesEmptyMalformedAndNonObjectBodiesWith400() {
        // when
        String empty = badRequestMessage(() -> Patches.apply(stream, new byte[0], "application/merge-patch+json", null));
        String malformed = badRequestMessage(() -> Patches.apply(stream, bytes("{\"spec\":"),
                "application/strategic-merge-patch+json", null));
        String array = badRequestMessage(() -> Patches.apply(stream, bytes("[]"), "application/merge-patch+json", null));
        String yaml = badRequestMessage(() -> Patches.apply(stream, bytes("spec: [unclosed"),
                "application/apply-patch+yaml", null));
        String jsonPatch = badRequestMessage(() -> Patches.apply(stream, bytes("[{\"op\":"),
                "application/json-patch+json", null));

        // then
        assertThat(empty).isEqualTo("the request body is empty");
        assertThat(malformed).startsWith("json parse error: ");
        assertThat(array).isEqualTo("the request body must be a JSON or YAML object");
        assertThat(yaml).startsWith("yaml parse error: ");
        assertThat(jsonPatch).startsWith("json parse error: ");
    }

    @Test
    void refusesAJsonPatchWhoseResultIsNotAnObjectWith422() {
        // when
        String detail = notApplicableDetail(() -> Patches.apply(stream,
                bytes("[{\"op\": \"replace\", \"path\": \"\", \"value\": [1]}]"), "application/json-patch+json", null));

        // then
        assertThat(detail).isEqualTo("the patched document must be an object, not array");
    }

    @Test
    void neverModifiesTheCurrentObject() {
        // when
        Patches.apply(stream, bytes("{\"metadata\": {\"labels\": null}, \"spec\": {\"tags\": []}}"),
                "application/merge-patch+json", PatchSchema.IMAGE_STREAM);
        Patches.apply(stream, bytes("[{\"op\": \"remove\", \"path\": \"/spec/tags/0\"}]"),
                "application/json-patch+json", PatchSchema.IMAGE_STREAM);
        Patches.apply(stream, bytes("{\"spec\": {\"tags\": [{\"name\": \"latest\", \"$patch\": \"delete\"}]}}"),
                "application/strategic-merge-patch+json", PatchSchema.IMAGE_STREAM);

        // then
        assertThat(stream).isEqualTo(json(STREAM));
    }

    @Test
    void decodeReportsAValueOfTheWrongShapeAs422OnThePatchField() {
        // given
        JsonNode patched = Patches.apply(stream, bytes("{\"spec\": {\"tags\": [{\"name\": [\"latest\"]}]}}"),
                "application/merge-patch+json", PatchSchema.IMAGE_STREAM);

        // when
        Status status = statusOf(() -> Patches.decode(patched, "ImageStream", ImageStream.class));

        // then
        assertThat(status.getCode()).isEqualTo(422);
        assertThat(status.getReason()).isEqualTo("Invalid");
        assertThat(status.getMessage()).startsWith(" \"\" is invalid: patch: Invalid value: \"{")
                .endsWith("\": json: cannot unmarshal array into spec.tags[0].name");
        assertThat(status.getDetails().getCauses()).singleElement()
                .satisfies(cause -> assertThat(cause.getField()).isEqualTo("patch"));
    }

    @Test
    void decodeRefusesAPatchThatChangesTheKindOrApiVersionWith400() {
        // given
        JsonNode kind = Patches.apply(stream, bytes("{\"kind\": \"ImageStreamTag\"}"), "application/merge-patch+json",
                null);
        JsonNode apiVersion = Patches.apply(stream, bytes("{\"apiVersion\": \"v1\"}"), "application/merge-patch+json",
                null);

        // when
        String kindMessage = badRequestMessage(() -> Patches.decode(kind, "ImageStream", ImageStream.class));
        String apiVersionMessage = badRequestMessage(() -> Patches.decode(apiVersion, "ImageStream", ImageStream.class));

        // then
        assertThat(kindMessage).isEqualTo("ImageStreamTag in version \"v1\" cannot be handled as a ImageStream: "
                + "the kind in the data does not match the resource");
        assertThat(apiVersionMessage).isEqualTo(
                "the API version in the data (v1) does not match the expected API version (image.openshift.io/v1)");
    }

    @Test
    void patchesWhatTheApiTypesWrite() throws Exception {
        // given: the tree the caller builds from the stored object
        ImageStream stored = RequestBodies.json().treeToValue(stream, ImageStream.class);
        JsonNode current = RequestBodies.json().valueToTree(stored);

        // when
        JsonNode result = Patches.apply(current, bytes("{\"spec\": {\"tags\": [{\"name\": \"old\", \"generation\": 9}]}}"),
                "application/strategic-merge-patch+json", PatchSchema.IMAGE_STREAM);

        // then
        ImageStream updated = Patches.decode(result, "ImageStream", ImageStream.class);
        assertThat(updated.getSpec().getTags()).extracting(TagReference::getName).containsExactly("latest", "old");
        assertThat(updated.getSpec().getTags().get(1).getGeneration()).isEqualTo(9L);
        assertThat(updated.getSpec().getTags().get(1).getFrom().getName()).isEqualTo("quay.io/web:0");
    }
}
