package io.imagestreams.stream.rest.patch;

import static io.imagestreams.stream.rest.patch.PatchAssertions.badRequestMessage;
import static io.imagestreams.stream.rest.patch.PatchAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

    private static final String STREAM = """
            {"kind": "ImageStream", "apiVersion": "image.openshift.io/v1",
             "metadata": {"name": "web", "namespace": "demo", "uid": "u-1", "resourceVersion": "7",
               "labels": {"app": "web"},
               "finalizers": ["a/one", "b/two"],
               "ownerReferences": [
                 {"apiVersion": "v1", "kind": "ConfigMap", "name": "owner-1", "uid": "o-1"},
                 {"apiVersion": "v1", "kind": "ConfigMap", "name": "owner-2", "uid": "o-2"}]},
             "spec": {"lookupPolicy": {"local": false},
               "tags": [
                 {"name": "latest", "annotations": null,
                  "from": {"kind": "DockerImage", "name": "quay.io/web:1"}, "generation": 2,
                  "importPolicy": {"scheduled": true, "importMode": "Legacy"},
                  "referencePolicy": {"type": "Source"}},
                 {"name": "stable", "annotations": {"tags": "prod"},
                  "from": {"kind": "ImageStreamTag", "name": "web:latest"}, "generation": 1,
                  "importPolicy": {}, "referencePolicy": {"type": "Source"}},
                 {"name": "dev", "annotations": null,
                  "from": {"kind": "DockerImage", "name": "quay.io/web:dev"}, "generation": 1,
                  "importPolicy": {}, "referencePolicy": {"type": "Local"}}]},
             "status": {"dockerImageRepository": "image-registry.local/demo/web",
               "tags": [
                 {"tag": "latest", "items": [{"created": "2026-01-02T03:04:05Z",
                   "dockerImageReference": "quay.io/web@sha256:1", "image": "sha256:1", "generation": 2}]},
                 {"tag": "dev", "items": [{"created": "2026-01-02T03:04:05Z",
                   "dockerImageReference": "quay.io/web@sha256:d", "image": "sha256:d", "generation": 1}],
                  "conditions": [{"type": "ImportSuccess", "status": "False", "generation": 1}]}]}}""";

    private final JsonNode stream = json(STREAM);

    @Test
    void addsATagAheadOfTheLiveOnesAsTheApiserverOrdersIt() {
        // when
        JsonNode result = patchStream("""
                {"spec": {"tags": [{"name": "beta", "from": {"kind": "DockerImage", "name": "quay.io/web:beta"}}]}}""");

        // then
        assertThat(names(result.at("/spec/tags"), "name")).containsExactly("beta", "latest", "stable", "dev");
        assertThat(result.at("/spec/tags/0")).isEqualTo(
                json("{\"name\": \"beta\", \"from\": {\"kind\": \"DockerImage\", \"name\": \"quay.io/web:beta\"}}"));
        assertThat(result.at("/spec/tags/1")).isEqualTo(stream.at("/spec/tags/0"));
    }

    @Test
    void changesOneTagsFromKeepingItsOtherFieldsAndTheOtherTags() {
        // when
        JsonNode result = patchStream("{\"spec\": {\"tags\": [{\"name\": \"stable\", \"from\": {\"name\": \"web:dev\"}}]}}");

        // then
        assertThat(names(result.at("/spec/tags"), "name")).containsExactly("latest", "stable", "dev");
        assertThat(result.at("/spec/tags/1/from")).isEqualTo(json("{\"kind\": \"ImageStreamTag\", \"name\": \"web:dev\"}"));
        assertThat(result.at("/spec/tags/1/annotations")).isEqualTo(json("{\"tags\": \"prod\"}"));
        assertThat(result.at("/spec/tags/0")).isEqualTo(stream.at("/spec/tags/0"));
        assertThat(result.at("/spec/tags/2")).isEqualTo(stream.at("/spec/tags/2"));
        assertThat(result.get("status")).isEqualTo(stream.get("status"));
    }

    @Test
    void deletesOneTagWithPatchDelete() {
        // when
        JsonNode result = patchStream("{\"spec\": {\"tags\": [{\"$patch\": \"delete\", \"name\": \"stable\"}]}}");

        // then
        assertThat(names(result.at("/spec/tags"), "name")).containsExactly("latest", "dev");
    }

    @Test
    void deletingATagThatIsNotThereChangesNothing() {
        // when
        JsonNode result = patchStream("{\"spec\": {\"tags\": [{\"$patch\": \"delete\", \"name\": \"gone\"}]}}");

        // then
        assertThat(result).isEqualTo(stream);
    }

    @Test
    void reordersTheTagsWithSetElementOrder() {
        // when
        JsonNode result = patchStream("""
                {"spec": {"$setElementOrder/tags": [{"name": "dev"}, {"name": "stable"}, {"name": "latest"}]}}""");

        // then
        assertThat(names(result.at("/spec/tags"), "name")).containsExactly("dev", "stable", "latest");
        assertThat(result.at("/spec/tags/0")).isEqualTo(stream.at("/spec/tags/2"));
        assertThat(result.at("/spec").has("$setElementOrder/tags")).isFalse();
    }

    @Test
    void setElementOrderOrdersTheMergedListAndKeepsServerOnlyTagsWhereTheyStood() {
        // when: the order kubectl sends with a change to one tag, not naming the tag someone else added
        JsonNode result = patchStream("""
                {"spec": {"$setElementOrder/tags": [{"name": "dev"}, {"name": "latest"}],
                          "tags": [{"name": "dev", "generation": 5}]}}""");

        // then
        assertThat(names(result.at("/spec/tags"), "name")).containsExactly("stable", "dev", "latest");
        assertThat(result.at("/spec/tags/1/generation").asInt()).isEqualTo(5);
        assertThat(result.at("/spec/tags/1/from")).isEqualTo(stream.at("/spec/tags/2/from"));
    }

    @Test
    void refusesASetElementOrderThatContradictsThePatchList() {
        // when
        String message = badRequestMessage(() -> patchStream("""
                {"spec": {"$setElementOrder/tags": [{"name": "dev"}, {"name": "latest"}],
                          "tags": [{"name": "latest", "generation": 5}, {"name": "dev", "generation": 5}]}}"""));

        // then
        assertThat(message).isEqualTo(
                "invalid patch format of setElementOrder list in spec.tags: the patch list is not in its order");
    }

    @Test
    void replacesTheWholeTagListWithPatchReplace() {
        // when
        JsonNode result = patchStream("""
                {"spec": {"tags": [{"$patch": "replace"}, {"name": "only", "annotations": null}]}}""");

        // then
        assertThat(result.at("/spec/tags")).isEqualTo(json("[{\"name\": \"only\"}]"));
    }

    @Test
    void anEmptyPatchListLeavesAMergeListAloneAndNullDeletesIt() {
        // when
        JsonNode empty = patchStream("{\"spec\": {\"tags\": []}}");
        JsonNode deleted = patchStream("{\"spec\": {\"tags\": null}}");

        // then
        assertThat(empty).isEqualTo(stream);
        assertThat(deleted.get("spec").has("tags")).isFalse();
        assertThat(deleted.at("/spec/lookupPolicy")).isEqualTo(stream.at("/spec/lookupPolicy"));
    }

    @Test
    void mergesMapsDeletesNullMembersAndDropsNullsOfNewValues() {
        // when
        JsonNode result = patchStream("""
                {"metadata": {"labels": {"app": null, "tier": "frontend"},
                              "annotations": {"note": "new", "gone": null}}}""");

        // then
        assertThat(result.at("/metadata/labels")).isEqualTo(json("{\"tier\": \"frontend\"}"));
        assertThat(result.at("/metadata/annotations")).isEqualTo(json("{\"note\": \"new\"}"));
        assertThat(result.at("/metadata/name").asText()).isEqualTo("web");
    }

    @Test
    void honoursReplaceDeleteAndMergeDirectivesOnMaps() {
        // when
        JsonNode replaced = patchStream("{\"metadata\": {\"labels\": {\"$patch\": \"replace\", \"tier\": \"x\"}}}");
        JsonNode deleted = patchStream("{\"spec\": {\"lookupPolicy\": {\"$patch\": \"delete\"}}}");
        JsonNode merged = patchStream("{\"metadata\": {\"labels\": {\"$patch\": \"merge\", \"tier\": \"x\"}}}");

        // then
        assertThat(replaced.at("/metadata/labels")).isEqualTo(json("{\"tier\": \"x\"}"));
        assertThat(deleted.at("/spec/lookupPolicy")).isEqualTo(json("{}"));
        assertThat(merged.at("/metadata/labels")).isEqualTo(json("{\"app\": \"web\", \"tier\": \"x\"}"));
    }

    @Test
    void replacesTheWholeObjectWithATopLevelPatchReplace() {
        // when
        JsonNode result = patchStream("{\"$patch\": \"replace\", \"kind\": \"ImageStream\", \"metadata\": {\"name\": \"web\"}}");

        // then
        assertThat(result).isEqualTo(json("{\"kind\": \"ImageStream\", \"metadata\": {\"name\": \"web\"}}"));
    }

    @Test
    void mergesFinalizersAsASetAndDeletesFromThemWithDeleteFromPrimitiveList() {
        // when
        JsonNode merged = patchStream("{\"metadata\": {\"finalizers\": [\"c/three\", \"a/one\"]}}");
        JsonNode deleted = patchStream("{\"metadata\": {\"$deleteFromPrimitiveList/finalizers\": [\"a/one\", \"x/none\"]}}");

        // then
        assertThat(merged.at("/metadata/finalizers")).isEqualTo(json("[\"c/three\", \"a/one\", \"b/two\"]"));
        assertThat(deleted.at("/metadata/finalizers")).isEqualTo(json("[\"b/two\"]"));
        assertThat(deleted.get("metadata").has("$deleteFromPrimitiveList/finalizers")).isFalse();
    }

    @Test
    void mergesOwnerReferencesByUid() {
        // when
        JsonNode result = patchStream("{\"metadata\": {\"ownerReferences\": [{\"uid\": \"o-2\", \"controller\": true}]}}");

        // then
        assertThat(names(result.at("/metadata/ownerReferences"), "uid")).containsExactly("o-1", "o-2");
        assertThat(result.at("/metadata/ownerReferences/1")).isEqualTo(json(
                "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"name\": \"owner-2\", \"uid\": \"o-2\", \"controller\": true}"));
    }

    @Test
    void mergesStatusTagsByTagAndReplacesTheirHistory() {
        // when
        JsonNode result = patchStream("""
                {"status": {"tags": [{"tag": "dev", "items": [{"image": "sha256:9"}]}]}}""");

        // then
        assertThat(names(result.at("/status/tags"), "tag")).containsExactly("latest", "dev");
        assertThat(result.at("/status/tags/1/items")).isEqualTo(json("[{\"image\": \"sha256:9\"}]"));
        assertThat(result.at("/status/tags/1/conditions")).isEqualTo(stream.at("/status/tags/1/conditions"));
        assertThat(result.at("/status/tags/0")).isEqualTo(stream.at("/status/tags/0"));
    }

    @Test
    void retainKeysDropsTheLiveFieldsItDoesNotName() {
        // when
        JsonNode result = patchStream("""
                {"spec": {"tags": [{"name": "latest",
                  "importPolicy": {"$retainKeys": ["insecure", "importMode"], "insecure": true}}]}}""");

        // then
        assertThat(result.at("/spec/tags/0/importPolicy")).isEqualTo(json("{\"importMode\": \"Legacy\", \"insecure\": true}"));
    }

    @Test
    void refusesAPatchedFieldThatRetainKeysDoesNotName() {
        // when
        String message = badRequestMessage(() -> patchStream("""
                {"spec": {"lookupPolicy": {"$retainKeys": [], "local": true}}}"""));

        // then
        assertThat(message).isEqualTo(
                "invalid patch format of retainKeys in spec.lookupPolicy: \"local\" is patched but not retained");
    }

    @Test
    void replacesListsTheSchemaDoesNotMerge() {
        // when
        JsonNode result = StrategicMergePatch.apply(stream,
                json("{\"spec\": {\"tags\": [{\"name\": \"beta\"}]}}"), PatchSchema.NONE);

        // then
        assertThat(result.at("/spec/tags")).isEqualTo(json("[{\"name\": \"beta\"}]"));
    }

    @Test
    void mergesAnImageStreamTagsTagAsAnObjectAndReplacesItsConditionsAndImageMetadata() {
        // given
        JsonNode istag = json("""
                {"kind": "ImageStreamTag", "metadata": {"name": "web:latest"},
                 "tag": {"name": "latest", "from": {"kind": "DockerImage", "name": "quay.io/web:1"},
                         "importPolicy": {"scheduled": true}},
                 "conditions": [{"type": "ImportSuccess", "status": "False"}],
                 "image": {"metadata": {"name": "sha256:1"},
                           "dockerImageMetadata": {"kind": "DockerImage", "Architecture": "amd64",
                                                   "Config": {"Env": ["A=1"]}}}}""");

        // when
        JsonNode result = StrategicMergePatch.apply(istag, json("""
                {"tag": {"from": {"name": "quay.io/web:2"}},
                 "conditions": [{"type": "ImportSuccess", "status": "True"}],
                 "image": {"dockerImageMetadata": {"kind": "DockerImage", "Architecture": "arm64"}}}"""),
                PatchSchema.IMAGE_STREAM_TAG);

        // then
        assertThat(result.get("tag")).isEqualTo(json("""
                {"name": "latest", "from": {"kind": "DockerImage", "name": "quay.io/web:2"},
                 "importPolicy": {"scheduled": true}}"""));
        assertThat(result.get("conditions")).isEqualTo(json("[{\"type\": \"ImportSuccess\", \"status\": \"True\"}]"));
        assertThat(result.at("/image/dockerImageMetadata")).isEqualTo(
                json("{\"kind\": \"DockerImage\", \"Architecture\": \"arm64\"}"));
        assertThat(result.at("/image/metadata/name").asText()).isEqualTo("sha256:1");
    }

    @Test
    void refusesATagWithoutItsMergeKey() {
        // when
        String message = badRequestMessage(() -> patchStream("{\"spec\": {\"tags\": [{\"from\": {\"name\": \"x\"}}]}}"));

        // then
        assertThat(message).isEqualTo(
                "map: {\"from\":{\"name\":\"x\"}} does not contain declared merge key: name (in spec.tags)");
    }

    @Test
    void refusesAnUnknownPatchDirective() {
        // when
        String message = badRequestMessage(() -> patchStream("{\"spec\": {\"$patch\": \"remove\"}}"));

        // then
        assertThat(message).isEqualTo(
                "unknown patch type: \"remove\" in spec; $patch must be one of replace, delete, merge");
    }

    @Test
    void refusesTagsThatAreNotObjects() {
        // when
        String message = badRequestMessage(() -> patchStream("{\"spec\": {\"tags\": [\"latest\"]}}"));

        // then
        assertThat(message).isEqualTo(
                "invalid patch: spec.tags merges by \"name\", so its elements must be objects, not string");
    }

    @Test
    void refusesADeleteDirectiveInAListWithoutMergeKey() {
        // when
        String message = badRequestMessage(() -> patchStream("""
                {"status": {"tags": [{"tag": "dev", "items": [{"$patch": "delete", "image": "sha256:d"}]}]}}"""));

        // then
        assertThat(message).isEqualTo("cannot merge lists without merge key for status.tags.items: $patch: delete needs one");
    }

    @Test
    void refusesAMalformedDeleteFromPrimitiveList() {
        // when
        String message = badRequestMessage(() -> patchStream(
                "{\"metadata\": {\"$deleteFromPrimitiveList/finalizers\": \"a/one\"}}"));

        // then
        assertThat(message).isEqualTo(
                "invalid patch format of primitive list: $deleteFromPrimitiveList/finalizers must list values");
    }

    @Test
    void neverModifiesTheObjectOrThePatch() {
        // given
        JsonNode patch = json("""
                {"spec": {"$setElementOrder/tags": [{"name": "dev"}, {"name": "latest"}],
                          "tags": [{"name": "dev", "generation": 5, "annotations": {"a": null}},
                                   {"$patch": "delete", "name": "stable"}]},
                 "metadata": {"labels": {"app": null}}}""");
        String patchBefore = patch.toString();

        // when
        StrategicMergePatch.apply(stream, patch, PatchSchema.IMAGE_STREAM);

        // then
        assertThat(stream).isEqualTo(json(STREAM));
        assertThat(patch.toString()).isEqualTo(patchBefore);
    }

    private JsonNode patchStream(String patch) {
        return StrategicMergePatch.apply(stream, json(patch), PatchSchema.IMAGE_STREAM);
    }

    private static List<String> names(JsonNode list, String key) {
        List<String> names = new ArrayList<>();
        list.forEach(element -> names.add(element.get(key).asText()));
        return names;
    }
}
