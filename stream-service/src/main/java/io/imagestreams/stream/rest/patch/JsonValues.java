package io.imagestreams.stream.rest.patch;

import io.imagestreams.stream.rest.JsonErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** JSON value helpers shared by the patch formats. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Equality as RFC 6902 section 4.6 defines it for {@code test}: numbers by numeric value ({@code 1} equals
     * {@code 1.0}, which Jackson's {@code equals} denies), objects regardless of member order, arrays element-wise.
     */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!equal(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The JSON name of a value's type, for messages: {@code object}, {@code array}, {@code string}, ... */
    static String typeName(JsonNode node) {
        return JsonErrors.typeName(node);
    }
}
