package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.imagestreams.stream.rest.RequestBodies;
import java.io.IOException;
import java.util.Objects;

/**
 * Applies the body of a {@code PATCH} request to the current object the way the Kubernetes API server does, the
 * format chosen by Content-Type ({@link PatchType}):
 * <ul>
 * <li>{@code application/json-patch+json}: RFC 6902 JSON Patch;</li>
 * <li>{@code application/merge-patch+json}: RFC 7386 JSON Merge Patch;</li>
 * <li>{@code application/strategic-merge-patch+json}: Kubernetes strategic merge patch over a {@link PatchSchema};</li>
 * <li>{@code application/apply-patch+yaml}: server-side apply, simplified (below);</li>
 * <li>anything else: {@code 415 UnsupportedMediaType} listing {@link #ACCEPTED}.</li>
 * </ul>
 *
 * <p><b>Server-side apply is simplified</b>: the YAML (or JSON) body is applied as a strategic merge patch onto the
 * current object. There are no field managers: {@code managedFields} is not maintained, fields the same manager
 * applied before and now omits are kept rather than removed, and conflicts with other managers are never reported (so
 * {@code force} changes nothing). Lists merge by the same keys as strategic merge patch.
 *
 * <p>Errors are {@link io.imagestreams.api.meta.StatusException}s shaped as the apiserver's: 400 for a malformed patch
 * document, 413 for more than {@value JsonPatch#MAX_OPERATIONS} JSON Patch operations, 422 {@code Invalid} for a patch
 * that does not apply, 415 for an unknown Content-Type. The patch only transforms JSON; checking the result is the
 * caller's job (see {@link #decode}).
 */
public final class Patches {

    /** The Content-Types a PATCH accepts, in the apiserver's order. */
    public static final String ACCEPTED = "application/json-patch+json, application/merge-patch+json, "
            + "application/strategic-merge-patch+json, application/apply-patch+yaml";

    // JSON Patch bodies only: RFC 6902 appendix A.13 wants an operation with two "op" members refused
    private static final ObjectReader STRICT_JSON = RequestBodies.json().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Patches() {
    }

    /**
     * The current object with the patch applied; {@code current} is never modified.
     *
     * @param current     the stored object as a JSON tree
     * @param patchBody   the raw request body
     * @param contentType the request's Content-Type header, parameters allowed
     * @param schema      the list merge keys of the object's type; {@code null} means {@link PatchSchema#NONE}
     * @return a new JSON object
     * @throws io.imagestreams.api.meta.StatusException 400, 413, 415 or 422 as described on the class
     */
    public static JsonNode apply(JsonNode current, byte[] patchBody, String contentType, PatchSchema schema) {
        Objects.requireNonNull(current, "current");
        PatchType type = PatchType.fromContentType(contentType);
        PatchSchema lists = schema == null ? PatchSchema.NONE : schema;
        JsonNode patched = switch (type) {
            case JSON_PATCH -> JsonPatch.apply(current, readJsonPatch(patchBody));
            case MERGE_PATCH -> JsonMergePatch.apply(current, RequestBodies.tree(patchBody, type.mediaType()));
            case STRATEGIC_MERGE_PATCH, APPLY_PATCH ->
                    StrategicMergePatch.apply(current, RequestBodies.tree(patchBody, type.mediaType()), lists);
        };
        if (!patched.isObject()) {
            // only a JSON Patch replacing the root gets here; no API object can be decoded from it
            throw PatchErrors.notApplicable("the patched document must be an object, not "
                    + JsonValues.typeName(patched));
        }
        return patched;
    }

    /**
     * Reads a patched tree as an API object, as the apiserver decodes the patched JSON: an apiVersion other than
     * {@code image.openshift.io/v1} or another kind is {@code 400}, and a value of the wrong shape is
     * {@code 422 Invalid} on the field {@code patch}, naming the offending path without Java type names.
     */
    public static <T> T decode(JsonNode patched, String kind, Class<T> type) {
        return PatchedObjects.decode(patched, kind, type);
    }

    private static JsonNode readJsonPatch(byte[] body) {
        if (body == null || body.length == 0) {
            throw PatchErrors.badRequest("the request body is empty");
        }
        try {
            return STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw PatchErrors.badRequest("json parse error: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw PatchErrors.badRequest("the request body could not be read");
        }
    }
}
