package io.imagestreams.prune.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Request bodies are read strictly: an unknown field, a value of the wrong type or malformed JSON is a 400 that
 * names the field, without the Java type behind it.
 */
public final class RequestBodies {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);

    private RequestBodies() {
    }

    /** Reads {@code body} as {@code type}; an empty body is read as {@code {}}. */
    public static <T> T read(byte[] body, Class<T> type) {
        byte[] json = body == null || body.length == 0 ? "{}".getBytes() : body;
        try {
            T value = STRICT.readValue(json, type);
            if (value == null) {
                throw ApiException.badRequest(null, "the request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(path(e), "unknown field \"" + e.getPropertyName() + "\"");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiException.badRequest(field, field == null ? "the request body must be a JSON object" : "invalid value for " + field);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw ApiException.badRequest(null, "unreadable request body");
        }
    }

    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
