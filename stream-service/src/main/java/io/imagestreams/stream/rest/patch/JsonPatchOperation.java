package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One RFC 6902 operation, validated when parsed so that applying it can only fail on the document's content.
 *
 * @param op    what to do
 * @param path  the target location
 * @param from  the source location of {@code move} and {@code copy}, otherwise {@code null}
 * @param value the value of {@code add}, {@code replace} and {@code test} (JSON null is a value), otherwise
 *              {@code null}
 */
record JsonPatchOperation(Op op, JsonPointer path, JsonPointer from, JsonNode value) {

    enum Op {
        ADD, REMOVE, REPLACE, MOVE, COPY, TEST;

        final String text = name().toLowerCase(Locale.ROOT);

        boolean hasFrom() {
            return this == MOVE || this == COPY;
        }

        boolean hasValue() {
            return this == ADD || this == REPLACE || this == TEST;
        }
    }

    private static final String SUPPORTED = Arrays.stream(Op.values()).map(op -> op.text)
            .collect(Collectors.joining(", "));

    /**
     * Reads operation number {@code index} (from 0); members other than op, path, from and value are ignored, as
     * the RFC requires.
     *
     * @throws io.imagestreams.api.meta.StatusException {@code 400} for a malformed operation
     */
    static JsonPatchOperation parse(JsonNode node, int index) {
        if (!node.isObject()) {
            throw PatchErrors.badRequest("invalid JSON patch: operation " + index + " must be an object, not "
                    + JsonValues.typeName(node));
        }
        String name = requiredString(node, "op", index);
        Op op = Arrays.stream(Op.values()).filter(candidate -> candidate.text.equals(name)).findFirst()
                .orElseThrow(() -> PatchErrors.badRequest("invalid JSON patch: operation " + index + " has unknown op \""
                        + name + "\"; supported ops: " + SUPPORTED));
        JsonPointer path = JsonPointer.parse(requiredString(node, "path", index));
        JsonPointer from = op.hasFrom() ? JsonPointer.parse(requiredString(node, "from", index)) : null;
        JsonNode value = op.hasValue() ? node.get("value") : null;
        if (op.hasValue() && value == null) {
            throw PatchErrors.badRequest("invalid JSON patch: operation " + index + " (" + op.text
                    + ") is missing \"value\"");
        }
        return new JsonPatchOperation(op, path, from, value);
    }

    /**
     * Applies this operation to {@code document}, changing it in place where it can; returns the new document, which
     * is a different node only when the root itself is added or replaced.
     *
     * @throws io.imagestreams.api.meta.StatusException {@code 422} when the operation does not apply
     */
    JsonNode applyTo(JsonNode document) {
        return switch (op) {
            case ADD -> add(document, path, value.deepCopy());
            case REMOVE -> remove(document, path);
            case REPLACE -> replace(document);
            case MOVE -> move(document);
            case COPY -> add(document, path, existing(document, from, "from path").deepCopy());
            case TEST -> test(document);
        };
    }

    private JsonNode add(JsonNode document, JsonPointer target, JsonNode newValue) {
        if (target.isRoot()) {
            return newValue;
        }
        JsonNode parent = find(document, target.parent());
        String token = target.last();
        if (parent instanceof ObjectNode object) {
            object.set(token, newValue);
        } else if (parent instanceof ArrayNode array) {
            // "-" appends; an index may also be the size itself, which appends too
            int index = token.equals("-") ? array.size() : arrayIndex(token);
            if (index < 0) {
                throw notApplicable("\"" + token + "\" is not an index of the array at \"" + target.parent() + "\"");
            }
            if (index > array.size()) {
                throw notApplicable("index " + index + " is out of bounds for the array at \"" + target.parent()
                        + "\"");
            }
            array.insert(index, newValue);
        } else {
            throw missing(target, "path");
        }
        return document;
    }

    private JsonNode remove(JsonNode document, JsonPointer target) {
        if (target.isRoot()) {
            throw notApplicable("the whole document cannot be removed");
        }
        JsonNode parent = find(document, target.parent());
        String token = target.last();
        if (parent instanceof ObjectNode object && object.has(token)) {
            object.remove(token);
        } else if (parent instanceof ArrayNode array && isIndexOf(array, token)) {
            array.remove(arrayIndex(token));
        } else {
            throw missing(target, "path");
        }
        return document;
    }

    private JsonNode replace(JsonNode document) {
        existing(document, path, "path");
        if (path.isRoot()) {
            return value.deepCopy();
        }
        JsonNode parent = find(document, path.parent());
        if (parent instanceof ObjectNode object) {
            object.set(path.last(), value.deepCopy());
        } else {
            ((ArrayNode) parent).set(arrayIndex(path.last()), value.deepCopy());
        }
        return document;
    }

    private JsonNode move(JsonNode document) {
        JsonNode moved = existing(document, from, "from path");
        if (from.tokens().equals(path.tokens())) {
            return document;
        }
        if (from.isProperPrefixOf(path)) {
            throw notApplicable("\"" + from + "\" cannot be moved into its own child \"" + path + "\"");
        }
        return add(remove(document, from), path, moved);
    }

    private JsonNode test(JsonNode document) {
        JsonNode actual = existing(document, path, "path");
        if (!JsonValues.equal(actual, value)) {
            throw notApplicable("the value at \"" + path + "\" is not the expected value");
        }
        return document;
    }

    private JsonNode existing(JsonNode document, JsonPointer location, String role) {
        JsonNode found = find(document, location);
        if (found == null) {
            throw missing(location, role);
        }
        return found;
    }

    /** The value at {@code location}, or {@code null} when nothing is there. */
    private static JsonNode find(JsonNode document, JsonPointer location) {
        JsonNode node = document;
        for (String token : location.tokens()) {
            if (node instanceof ObjectNode object) {
                node = object.get(token);
            } else if (node instanceof ArrayNode array && isIndexOf(array, token)) {
                node = array.get(arrayIndex(token));
            } else {
                return null;
            }
        }
        return node;
    }

    private static boolean isIndexOf(ArrayNode array, String token) {
        int index = arrayIndex(token);
        return index >= 0 && index < array.size();
    }

    /** The RFC 6901 array index a token spells ({@code 0} or digits without a leading zero), or -1. */
    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    private static String requiredString(JsonNode node, String member, int index) {
        JsonNode text = node.get(member);
        if (text == null || !text.isTextual()) {
            throw PatchErrors.badRequest("invalid JSON patch: operation " + index + " must have a string \"" + member
                    + "\"");
        }
        return text.asText();
    }

    private RuntimeException missing(JsonPointer location, String role) {
        return notApplicable("doc is missing " + role + ": \"" + location + "\"");
    }

    private RuntimeException notApplicable(String reason) {
        return PatchErrors.notApplicable(op.text + " operation does not apply: " + reason);
    }
}
