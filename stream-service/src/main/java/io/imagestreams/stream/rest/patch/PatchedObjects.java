package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.rest.JsonErrors;
import io.imagestreams.stream.rest.RequestBodies;

/**
 * Turns a patched JSON tree back into an API object. The apiserver answers a patched document it cannot decode with
 * {@code NewInvalid(GroupKind{}, "", patch: Invalid value: "<patched json>": <error>)}; Jackson's messages name Java
 * types, so the error is rebuilt from the failing JSON path and the JSON value found there.
 */
final class PatchedObjects {

    private PatchedObjects() {
    }

    static <T> T decode(JsonNode patched, String kind, Class<T> type) {
        String apiVersion = text(patched, "apiVersion");
        if (!apiVersion.isEmpty() && !apiVersion.equals(ImageApi.API_VERSION)) {
            throw new StatusException(Status.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + ImageApi.API_VERSION + ")"));
        }
        String actualKind = text(patched, "kind");
        if (!actualKind.isEmpty() && !actualKind.equals(kind)) {
            throw new StatusException(Status.badRequest(actualKind + " in version \"" + ImageApi.VERSION
                    + "\" cannot be handled as a " + kind + ": the kind in the data does not match the resource"));
        }
        JsonErrors.nullListElement(patched).ifPresent(at -> {
            throw invalid(patched, "json: cannot unmarshal null into " + at);
        });
        try {
            return RequestBodies.json().treeToValue(patched, type);
        } catch (JsonMappingException e) {
            throw invalid(patched, JsonErrors.describe(patched, e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // anything else has no JSON location worth naming
            throw invalid(patched, "the patched object cannot be read as a " + kind);
        }
    }

    private static StatusException invalid(JsonNode patched, String cause) {
        return new StatusException(Status.invalid("", "", "", FieldError.invalid("patch", patched.toString(), cause)));
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }
}
