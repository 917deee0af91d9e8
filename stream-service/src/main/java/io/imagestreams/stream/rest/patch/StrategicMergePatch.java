package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes strategic merge patch ({@code k8s.io/apimachinery/pkg/util/strategicpatch}) with the options the
 * apiserver uses, reading list strategies from a {@link PatchSchema} instead of Go struct tags:
 * <ul>
 * <li>objects merge recursively and a {@code null} member deletes;</li>
 * <li>lists with a merge key merge element by element, lists of primitives with the merge strategy merge as sets,
 * every other list is replaced (see {@link StrategicLists});</li>
 * <li>the directives {@code $patch: replace | delete | merge} on objects and list elements, {@code $retainKeys},
 * {@code $deleteFromPrimitiveList/<field>} and {@code $setElementOrder/<field>} are honoured.</li>
 * </ul>
 *
 * <p>Where the Go code would store something odd this is stricter or cleaner: {@code $patch: merge} is accepted as
 * the explicit default instead of refused, and a value that has no counterpart in the live object is merged into
 * nothing, so its nulls and directives disappear instead of being stored.
 */
final class StrategicMergePatch {

    static final String PATCH = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    static final String SET_ELEMENT_ORDER = "$setElementOrder/";

    /** The values of {@code $patch}. */
    enum Directive {
        REPLACE, DELETE, MERGE
    }

    private final PatchSchema schema;
    private final StrategicLists lists;

    private StrategicMergePatch(PatchSchema schema) {
        this.schema = schema;
        this.lists = new StrategicLists(this, schema);
    }

    /** {@code original} with {@code patch} merged in; neither argument is modified. */
    static ObjectNode apply(JsonNode original, JsonNode patch, PatchSchema schema) {
        if (patch == null || !patch.isObject()) {
            throw PatchErrors.badRequest("a strategic merge patch must be a JSON object, not "
                    + JsonValues.typeName(patch));
        }
        ObjectNode base = original != null && original.isObject() ? ((ObjectNode) original).deepCopy() : null;
        return new StrategicMergePatch(schema).mergeMap(base, (ObjectNode) patch, "");
    }

    /**
     * Merges {@code patch} into {@code current} (which it may change and return) at {@code path}; {@code null}
     * stands for a missing object. The patch is only read.
     */
    ObjectNode mergeMap(ObjectNode current, ObjectNode patch, String path) {
        Directive directive = directive(patch.get(PATCH), path);
        if (directive == Directive.DELETE) {
            // the apiserver leaves an empty object where the deleted one was
            return newObject();
        }
        ObjectNode target = current == null || directive == Directive.REPLACE ? newObject() : current;
        retainKeys(target, patch, path);
        Set<String> ordered = setElementOrders(target, patch, path);
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals(PATCH) || name.equals(RETAIN_KEYS) || name.startsWith(SET_ELEMENT_ORDER)
                    || ordered.contains(name)) {
                continue;
            }
            if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                lists.deleteFromPrimitiveList(target, name.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value);
            } else if (value.isNull()) {
                target.remove(name);
            } else {
                target.set(name, mergeValue(target.get(name), value, child(path, name)));
            }
        }
        return target;
    }

    /** A patch value merged into the live value at {@code path}; a value of another type is simply replaced. */
    JsonNode mergeValue(JsonNode current, JsonNode patch, String path) {
        if (patch instanceof ObjectNode object) {
            boolean merges = current instanceof ObjectNode && !schema.replacesMap(path);
            return mergeMap(merges ? (ObjectNode) current : null, object, path);
        }
        if (patch instanceof ArrayNode array) {
            return lists.merge(current instanceof ArrayNode live ? live : null, array, path);
        }
        return patch;
    }

    /** The {@code $patch} directive of an object, or {@code null} when it has none. */
    Directive directive(JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        return switch (value.isTextual() ? value.asText() : "") {
            case "replace" -> Directive.REPLACE;
            case "delete" -> Directive.DELETE;
            case "merge" -> Directive.MERGE;
            default -> throw PatchErrors.badRequest("unknown patch type: " + value + " in " + describe(path)
                    + "; $patch must be one of replace, delete, merge");
        };
    }

    /** {@code $retainKeys}: drops every live member the list does not name, after checking the patch against it. */
    private static void retainKeys(ObjectNode target, ObjectNode patch, String path) {
        JsonNode retain = patch.get(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        Set<String> retained = new HashSet<>();
        if (retain.isArray()) {
            retain.forEach(key -> retained.add(key.isTextual() ? key.asText() : null));
        }
        if (!retain.isArray() || retained.contains(null)) {
            throw PatchErrors.badRequest("invalid patch format of retainKeys in " + describe(path)
                    + ": it must be a list of field names");
        }
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            if (!member.getValue().isNull() && !isDirective(name) && !retained.contains(name)) {
                throw PatchErrors.badRequest("invalid patch format of retainKeys in " + describe(path) + ": \"" + name
                        + "\" is patched but not retained");
            }
        }
        List<String> dropped = target.properties().stream().map(Map.Entry::getKey)
                .filter(name -> !retained.contains(name)).toList();
        target.remove(dropped);
    }

    /**
     * Applies each {@code $setElementOrder/<field>} together with the field's patch list, so the merged list is
     * ordered as the directive says; returns the fields it handled, which the caller must not merge again.
     */
    private Set<String> setElementOrders(ObjectNode target, ObjectNode patch, String path) {
        Set<String> handled = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (!member.getKey().startsWith(SET_ELEMENT_ORDER)) {
                continue;
            }
            String field = member.getKey().substring(SET_ELEMENT_ORDER.length());
            String fieldPath = child(path, field);
            if (!member.getValue().isArray()) {
                throw PatchErrors.badRequest("invalid patch format of setElementOrder list in " + describe(fieldPath)
                        + ": it must be a list");
            }
            JsonNode patchList = patch.get(field);
            JsonNode liveList = target.get(field);
            String key = schema.mergeKey(fieldPath).orElse(null);
            // a replaced list already has the patch's order; null and non-list values are the main loop's business
            if (key == null || patchList != null && !patchList.isArray()
                    || patchList == null && !(liveList instanceof ArrayNode)) {
                continue;
            }
            target.set(field, lists.mergeInOrder(liveList instanceof ArrayNode live ? live : null,
                    (ArrayNode) patchList, (ArrayNode) member.getValue(), key, fieldPath));
            handled.add(field);
        }
        return handled;
    }

    private static boolean isDirective(String name) {
        return name.equals(PATCH) || name.equals(RETAIN_KEYS) || name.startsWith(SET_ELEMENT_ORDER)
                || name.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }

    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String describe(String path) {
        return path.isEmpty() ? "the object" : path;
    }

    static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
