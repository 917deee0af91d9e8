package io.imagestreams.stream.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * Reads request bodies the way the Kubernetes API server does: JSON or YAML by Content-Type (415 otherwise),
 * 400 for malformed documents or a wrong apiVersion/kind, unknown fields ignored.
 */
public final class RequestBodies {

    static final String ACCEPTED = "application/json, application/yaml";
    private static final ObjectMapper JSON = strict(ImageApiJson.newObjectMapper());
    private static final ObjectMapper YAML = strict(ImageApiJson.configure(new ObjectMapper(new YAMLFactory())));

    private RequestBodies() {
    }

    /** Parses an object of {@code kind} in {@code image.openshift.io/v1}; empty apiVersion/kind are accepted. */
    public static <T> T read(byte[] body, String contentType, String kind, Class<T> type) {
        JsonNode tree = tree(body, contentType);
        String apiVersion = text(tree, "apiVersion");
        if (!apiVersion.isEmpty() && !apiVersion.equals(ImageApi.API_VERSION)) {
            throw new StatusException(Status.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + ImageApi.API_VERSION + ")"));
        }
        String actualKind = text(tree, "kind");
        if (!actualKind.isEmpty() && !actualKind.equals(kind)) {
            throw new StatusException(Status.badRequest(actualKind + " in version \"" + ImageApi.VERSION
                    + "\" cannot be handled as a " + kind + ": the kind in the data does not match the resource"));
        }
        String cannotHandle = kind + " in version \"" + ImageApi.VERSION + "\" cannot be handled as a " + kind + ": ";
        JsonErrors.nullListElement(tree).ifPresent(at -> {
            throw new StatusException(Status.badRequest(cannotHandle + "json: cannot unmarshal null into " + at));
        });
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new StatusException(Status.badRequest(cannotHandle + JsonErrors.describe(tree, e)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StatusException(Status.badRequest(cannotHandle + "the document cannot be read as a " + kind));
        }
    }

    /** A JSON or YAML document as a tree (used by create/update and by the patch formats). */
    public static JsonNode tree(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            throw new StatusException(Status.badRequest("the request body is empty"));
        }
        ObjectMapper mapper = mapperFor(contentType);
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new StatusException(Status.badRequest("the request body must be a JSON or YAML object"));
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new StatusException(Status.badRequest((mapper == YAML ? "yaml" : "json") + " parse error: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new StatusException(Status.badRequest("the request body could not be read: " + e.getMessage()));
        }
    }

    /**
     * Unknown fields are ignored (as Kubernetes does by default), but scalars keep their JSON types as Go decodes
     * them: a number is not a string, a string is not a number or a boolean.
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    private static ObjectMapper mapperFor(String contentType) {
        MediaType type;
        try {
            type = contentType == null || contentType.isBlank() ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported(contentType);
        }
        String subtype = type.getSubtype();
        if (!type.getType().equals("application")) {
            throw unsupported(contentType);
        }
        if (subtype.equals("json") || subtype.endsWith("+json")) {
            return JSON;
        }
        if (subtype.equals("yaml") || subtype.equals("x-yaml") || subtype.endsWith("+yaml")) {
            return YAML;
        }
        throw unsupported(contentType);
    }

    private static StatusException unsupported(String contentType) {
        Status status = Status.badRequest("the body of the request was in an unknown format - accepted media types include: " + ACCEPTED);
        status.setReason("UnsupportedMediaType");
        status.setCode(415);
        status.setMessage("the body of the request was in an unknown format (" + contentType
                + ") - accepted media types include: " + ACCEPTED);
        return new StatusException(status);
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }
}
