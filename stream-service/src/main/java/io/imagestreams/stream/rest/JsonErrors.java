package io.imagestreams.stream.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Decoding errors worded like Go's {@code encoding/json} ({@code json: cannot unmarshal string into spec.tags}):
 * Jackson's own messages name Java types, which clients must never see.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** What is wrong, located by the failing JSON path and the value found there. */
    public static String describe(JsonNode root, JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        JsonNode node = root;
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                node = node == null ? null : node.get(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
                node = node == null ? null : node.get(reference.getIndex());
            }
        }
        String field = path.isEmpty() ? "the object" : path.toString();
        if (e instanceof MismatchedInputException && !(e instanceof InvalidFormatException)) {
            return "json: cannot unmarshal " + typeName(node) + " into " + field;
        }
        return "json: invalid value " + (node == null ? "" : node + " ") + "for " + field;
    }

    /**
     * The path of the first {@code null} inside a list, if any: the API types have no use for one, and letting it
     * through would only fail later and less clearly.
     */
    public static Optional<String> nullListElement(JsonNode node) {
        return nullListElement(node, "");
    }

    private static Optional<String> nullListElement(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    return Optional.of(at);
                }
                Optional<String> inner = nullListElement(node.get(i), at);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> inner = nullListElement(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** The JSON type name Go uses in its messages. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "bool";
            default -> "null";
        };
    }
}
