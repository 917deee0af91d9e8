package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagestreams.stream.rest.patch.StrategicMergePatch.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The list half of {@link StrategicMergePatch}. A list whose {@link PatchSchema} entry has a merge key merges by it:
 * patch elements update the live element with the same key or are added, {@code $patch: delete} elements remove one,
 * and a {@code $patch: replace} element makes the rest of the patch list the whole new list. A list of primitives
 * with the merge strategy becomes the union of both. Every other list is replaced by the patch. An empty patch list
 * therefore leaves a merge list alone; {@code null} deletes it.
 */
final class StrategicLists {

    private final StrategicMergePatch maps;
    private final PatchSchema schema;

    StrategicLists(StrategicMergePatch maps, PatchSchema schema) {
        this.maps = maps;
        this.schema = schema;
    }

    /** The patch list merged into the live one ({@code null} when there is none) at {@code path}. */
    ArrayNode merge(ArrayNode current, ArrayNode patch, String path) {
        String key = schema.mergeKey(path).orElse(null);
        if (key == null) {
            return replace(patch, path);
        }
        List<JsonNode> live = current == null ? List.of() : elements(current);
        return toArray(key.isEmpty() ? mergePrimitives(live, patch, path) : mergeByKey(live, patch, key, path));
    }

    /**
     * A merge list merged (when {@code patch} is not {@code null}) and then ordered by a {@code $setElementOrder}
     * list: the named elements in its order, the others in their live order around them.
     */
    ArrayNode mergeInOrder(ArrayNode current, ArrayNode patch, ArrayNode order, String key, String path) {
        List<JsonNode> orderElements = elements(order);
        for (JsonNode entry : orderElements) {
            if (key.isEmpty() ? entry.isContainerNode() : ElementOrder.identity(entry, key) == null) {
                throw PatchErrors.badRequest("invalid patch format of setElementOrder list in " + path + ": "
                        + (key.isEmpty() ? "it must list values" : "every entry must have the merge key \"" + key + "\""));
            }
        }
        if (patch != null) {
            checkOrder(patch, orderElements, key, path);
        }
        List<JsonNode> live = current == null ? List.of() : elements(current);
        List<JsonNode> merged = patch == null ? live : elements(merge(current, patch, path));
        return toArray(ElementOrder.arrange(merged, orderElements, live, key));
    }

    /** {@code $deleteFromPrimitiveList/<field>}: removes every occurrence of the listed values from the live list. */
    void deleteFromPrimitiveList(ObjectNode target, String field, JsonNode values) {
        if (!values.isArray() || elements(values).stream().anyMatch(JsonNode::isContainerNode)) {
            throw PatchErrors.badRequest("invalid patch format of primitive list: $deleteFromPrimitiveList/" + field
                    + " must list values");
        }
        if (target.get(field) instanceof ArrayNode live) {
            List<JsonNode> kept = new ArrayList<>();
            for (JsonNode element : live) {
                if (ElementOrder.indexOf(elements(values), element, "") < 0) {
                    kept.add(element);
                }
            }
            target.set(field, toArray(kept));
        }
    }

    private ArrayNode replace(ArrayNode patch, String path) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode element : patch) {
            Directive directive = element.isObject() ? maps.directive(element.get(StrategicMergePatch.PATCH), path)
                    : null;
            if (directive == Directive.REPLACE) {
                continue;
            }
            if (directive != null) {
                throw PatchErrors.badRequest("cannot merge lists without merge key for " + path + ": $patch: "
                        + directive.name().toLowerCase(Locale.ROOT) + " needs one");
            }
            result.add(maps.mergeValue(null, element, path));
        }
        return toArray(result);
    }

    private static List<JsonNode> mergePrimitives(List<JsonNode> live, ArrayNode patch, String path) {
        List<JsonNode> merged = new ArrayList<>();
        List<JsonNode> patchElements = elements(patch);
        List<JsonNode> all = new ArrayList<>(live);
        all.addAll(patchElements);
        for (JsonNode element : all) {
            if (element.isContainerNode()) {
                throw PatchErrors.badRequest("invalid patch format of primitive list: " + path + " must list values");
            }
            if (ElementOrder.indexOf(merged, element, "") < 0) {
                merged.add(element);
            }
        }
        return ElementOrder.arrange(merged, patchElements, live, "");
    }

    private List<JsonNode> mergeByKey(List<JsonNode> live, ArrayNode patch, String key, String path) {
        List<JsonNode> merged = new ArrayList<>(live);
        List<JsonNode> updates = new ArrayList<>();
        boolean replace = false;
        for (JsonNode element : patch) {
            if (!element.isObject()) {
                throw PatchErrors.badRequest("invalid patch: " + path + " merges by \"" + key
                        + "\", so its elements must be objects, not " + JsonValues.typeName(element));
            }
            Directive directive = maps.directive(element.get(StrategicMergePatch.PATCH), path);
            if (directive == null || directive == Directive.MERGE && element.has(key)) {
                requireKey(element, key, path);
                updates.add(element);
            } else if (directive == Directive.DELETE) {
                JsonNode deleted = requireKey(element, key, path);
                merged.removeIf(candidate -> JsonValues.equal(ElementOrder.identity(candidate, key), deleted));
            } else if (directive == Directive.REPLACE) {
                replace = true;
            }
        }
        if (replace) {
            return updates.stream().map(element -> (JsonNode) maps.mergeMap(null, (ObjectNode) element, path)).toList();
        }
        List<JsonNode> serverOrder = List.copyOf(merged);
        for (JsonNode element : updates) {
            int at = ElementOrder.indexOf(merged, element, key);
            if (at < 0) {
                merged.add(maps.mergeMap(null, (ObjectNode) element, path));
            } else {
                ObjectNode existing = merged.get(at) instanceof ObjectNode object ? object : null;
                merged.set(at, maps.mergeMap(existing, (ObjectNode) element, path));
            }
        }
        return ElementOrder.arrange(merged, updates, serverOrder, key);
    }

    /** Kubernetes' {@code validatePatchWithSetOrderList}: patch elements must appear in the directive's order. */
    private static void checkOrder(ArrayNode patch, List<JsonNode> order, String key, String path) {
        List<JsonNode> named = new ArrayList<>();
        for (JsonNode element : patch) {
            if (key.isEmpty() || !element.has(StrategicMergePatch.PATCH)) {
                named.add(key.isEmpty() ? element : requireKey(element, key, path));
            }
        }
        int next = 0;
        for (int i = 0; i < order.size() && next < named.size(); i++) {
            if (JsonValues.equal(named.get(next), ElementOrder.identity(order.get(i), key))) {
                next++;
            }
        }
        if (next < named.size()) {
            throw PatchErrors.badRequest("invalid patch format of setElementOrder list in " + path
                    + ": the patch list is not in its order");
        }
    }

    private static JsonNode requireKey(JsonNode element, String key, String path) {
        JsonNode value = ElementOrder.identity(element, key);
        if (value == null) {
            throw PatchErrors.badRequest("map: " + element + " does not contain declared merge key: " + key
                    + " (in " + path + ")");
        }
        return value;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>(array.size());
        array.forEach(elements::add);
        return elements;
    }

    private static ArrayNode toArray(List<JsonNode> elements) {
        return JsonNodeFactory.instance.arrayNode(elements.size()).addAll(elements);
    }
}
