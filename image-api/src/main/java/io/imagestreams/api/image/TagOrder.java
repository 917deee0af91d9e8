package io.imagestreams.api.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The order OpenShift writes tags in. The server keeps spec and status tags in maps keyed by name, so the v1
 * form lists them sorted by name (Go's byte order) and a name given twice keeps only its last entry.
 */
public final class TagOrder {

    /** Go's {@code sort.Strings}: UTF-8 byte order, which is code point order. */
    public static final Comparator<String> BY_NAME = TagOrder::compareCodePoints;

    private TagOrder() {
    }

    /** Sorts and de-duplicates {@code spec.tags} and {@code status.tags} in place. */
    public static ImageStream normalize(ImageStream stream) {
        stream.getSpec().setTags(specTags(stream.getSpec().getTags()));
        stream.getStatus().setTags(statusTags(stream.getStatus().getTags()));
        return stream;
    }

    /** Spec tags sorted by name, the last of each name kept. */
    public static List<TagReference> specTags(List<TagReference> tags) {
        return lastByKey(tags, TagReference::getName);
    }

    /** Status tags sorted by tag, the last of each tag kept. */
    public static List<NamedTagEventList> statusTags(List<NamedTagEventList> tags) {
        return lastByKey(tags, NamedTagEventList::getTag);
    }

    private static <T> List<T> lastByKey(List<T> items, Function<T, String> key) {
        Map<String, T> byKey = new TreeMap<>(BY_NAME);
        items.forEach(item -> byKey.put(key.apply(item), item));
        return new ArrayList<>(byKey.values());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
