package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * RFC 7386 JSON Merge Patch, exactly the algorithm of its section 2: an object patch merges member by member, a
 * {@code null} member deletes, and anything else (arrays included) replaces the target. It never fails.
 */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** The target with the patch merged in; neither argument is modified, {@code null} stands for JSON null. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? JsonNodeFactory.instance.nullNode() : patch.deepCopy();
        }
        // a non-object target is ignored, as the RFC says, so patching a scalar with an object builds a new object
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
