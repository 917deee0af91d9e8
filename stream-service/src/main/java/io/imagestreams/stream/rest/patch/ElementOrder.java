package io.imagestreams.stream.rest.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a list after a strategic merge, as the apiserver's {@code normalizeElementOrder} and
 * {@code mergeSortedSlice} compute it: the elements named by the patch follow the patch's order, the others keep the
 * live order, and the two runs are interleaved so that a live-only element goes first only when it stood before the
 * patch element in the live list. So a new element lands at the front, and changing one element moves nothing.
 *
 * <p>Elements are identified by their merge key, or by their value for lists of primitives ({@code key} empty).
 */
final class ElementOrder {

    private ElementOrder() {
    }

    /**
     * @param merged      the merged elements, in any order
     * @param patchOrder  the elements (or {@code $setElementOrder} entries) whose order the patch asks for
     * @param serverOrder the live list before the patch
     */
    static List<JsonNode> arrange(List<JsonNode> merged, List<JsonNode> patchOrder, List<JsonNode> serverOrder,
            String key) {
        List<JsonNode> patched = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode element : merged) {
            (indexOf(patchOrder, element, key) >= 0 ? patched : serverOnly).add(element);
        }
        sortBy(patched, patchOrder, key);
        sortBy(serverOnly, serverOrder, key);
        return interleave(serverOnly, patched, serverOrder, key);
    }

    /** The position in {@code list} of the element with the same identity as {@code element}, or -1. */
    static int indexOf(List<JsonNode> list, JsonNode element, String key) {
        JsonNode identity = identity(element, key);
        if (identity == null) {
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (JsonValues.equal(identity(list.get(i), key), identity)) {
                return i;
            }
        }
        return -1;
    }

    /** The merge key's value of an element, the element itself for primitives, or {@code null} if it has none. */
    static JsonNode identity(JsonNode element, String key) {
        if (key.isEmpty()) {
            return element;
        }
        JsonNode value = element == null || !element.isObject() ? null : element.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private static void sortBy(List<JsonNode> elements, List<JsonNode> order, String key) {
        // stable, and elements the order does not know go last rather than breaking the comparator
        elements.sort(Comparator.comparingInt(element -> {
            int index = indexOf(order, element, key);
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
    }

    private static List<JsonNode> interleave(List<JsonNode> serverOnly, List<JsonNode> patched,
            List<JsonNode> serverOrder, String key) {
        List<JsonNode> result = new ArrayList<>(serverOnly.size() + patched.size());
        int left = 0;
        int right = 0;
        while (left < serverOnly.size() || right < patched.size()) {
            if (right >= patched.size()
                    || left < serverOnly.size() && before(serverOnly.get(left), patched.get(right), serverOrder, key)) {
                result.add(serverOnly.get(left++));
            } else {
                result.add(patched.get(right++));
            }
        }
        return result;
    }

    /** {@code true} only when both elements are live and {@code first} stood before {@code second}. */
    private static boolean before(JsonNode first, JsonNode second, List<JsonNode> serverOrder, String key) {
        int firstIndex = indexOf(serverOrder, first, key);
        int secondIndex = indexOf(serverOrder, second, key);
        return firstIndex >= 0 && secondIndex >= 0 && firstIndex < secondIndex;
    }
}
