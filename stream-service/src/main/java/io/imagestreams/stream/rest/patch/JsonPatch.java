package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch: {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy} and {@code test}
 * over RFC 6901 pointers ({@code ~0}, {@code ~1}, {@code -} to append). The whole patch is validated before
 * anything is applied and the operations run on a copy, so a patch applies completely or not at all.
 *
 * <p>Errors follow the apiserver: a malformed patch document is {@code 400 BadRequest}, more than
 * {@value #MAX_OPERATIONS} operations is {@code 413}, and an operation that does not apply (a missing path, a failed
 * {@code test}) is {@code 422 Invalid} with the detail in {@code details.causes[0].message}.
 */
public final class JsonPatch {

    /** The apiserver's {@code maxJSONPatchOperations}. */
    public static final int MAX_OPERATIONS = 10_000;

    private JsonPatch() {
    }

    /** {@code document} with {@code patch} (a JSON array of operations) applied; {@code document} is not modified. */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        List<JsonPatchOperation> operations = parse(patch);
        JsonNode result = document.deepCopy();
        for (JsonPatchOperation operation : operations) {
            result = operation.applyTo(result);
        }
        return result;
    }

    private static List<JsonPatchOperation> parse(JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw PatchErrors.badRequest("invalid JSON patch: it must be an array of operations, not "
                    + JsonValues.typeName(patch));
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw PatchErrors.tooLarge("The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS + ", got "
                    + patch.size());
        }
        List<JsonPatchOperation> operations = new ArrayList<>(patch.size());
        for (int i = 0; i < patch.size(); i++) {
            operations.add(JsonPatchOperation.parse(patch.get(i), i));
        }
        return operations;
    }
}
