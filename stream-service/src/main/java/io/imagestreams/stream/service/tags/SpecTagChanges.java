package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageStreamSpec;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.ObjectReference;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When a spec change counts (apiserver {@code registry/imagestream/strategy.go}): {@link #tagRefChanged} decides
 * whether a tag must be resolved or imported again, {@link #sameSpec} whether the stream generation moves.
 */
public final class SpecTagChanges {

    private SpecTagChanges() {
    }

    /** A tag absent from the old spec is new; otherwise {@link #tagRefChanged} decides. */
    public static boolean isNewOrChanged(Optional<TagReference> old, TagReference next, String streamNamespace) {
        return old.map(previous -> tagRefChanged(previous, next, streamNamespace)).orElse(true);
    }

    /**
     * True iff {@code next} has a {@code from} and its namespace (defaulted to the stream's), its name,
     * {@code reference} or {@code importPolicy.importMode} differ, or the generation was set to 0 from another
     * value. {@code from.kind}, {@code insecure}, {@code scheduled}, {@code referencePolicy} and annotations do
     * not count: changing only those does not re-import.
     */
    public static boolean tagRefChanged(TagReference old, TagReference next, String streamNamespace) {
        ObjectReference nextFrom = next.getFrom();
        if (nextFrom == null || text(nextFrom.getKind()).isEmpty() && text(nextFrom.getName()).isEmpty()) {
            return false;
        }
        ObjectReference oldFrom = Objects.requireNonNullElseGet(old.getFrom(), ObjectReference::new);
        return !namespaceOf(oldFrom, streamNamespace).equals(namespaceOf(nextFrom, streamNamespace))
                || !text(oldFrom.getName()).equals(text(nextFrom.getName()))
                || old.isReference() != next.isReference()
                || !text(old.getImportPolicy().getImportMode()).equals(text(next.getImportPolicy().getImportMode()))
                || generationResetToZero(old, next);
    }

    /**
     * Kubernetes' semantic equality of two specs: spec tags compared by name, and an unset string, map or
     * {@code from} field equal to an empty one, as Go's {@code Semantic.DeepEqual} sees the internal types.
     */
    public static boolean sameSpec(ImageStreamSpec a, ImageStreamSpec b) {
        return a.getLookupPolicy().equals(b.getLookupPolicy())
                && text(a.getDockerImageRepository()).equals(text(b.getDockerImageRepository()))
                && sameTags(byName(a), byName(b));
    }

    private static boolean generationResetToZero(TagReference old, TagReference next) {
        return old.getGeneration() != null && next.getGeneration() != null
                && !old.getGeneration().equals(next.getGeneration()) && next.getGeneration() == 0L;
    }

    private static boolean sameTags(Map<String, TagReference> a, Map<String, TagReference> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(name -> sameTag(a.get(name), b.get(name)));
    }

    private static boolean sameTag(TagReference a, TagReference b) {
        return orEmpty(a.getAnnotations()).equals(orEmpty(b.getAnnotations()))
                && sameFrom(a.getFrom(), b.getFrom())
                && a.isReference() == b.isReference()
                && Objects.equals(a.getGeneration(), b.getGeneration())
                && sameImportPolicy(a.getImportPolicy(), b.getImportPolicy())
                && a.getReferencePolicy().equals(b.getReferencePolicy());
    }

    private static boolean sameImportPolicy(TagImportPolicy a, TagImportPolicy b) {
        return a.isInsecure() == b.isInsecure() && a.isScheduled() == b.isScheduled()
                && text(a.getImportMode()).equals(text(b.getImportMode()));
    }

    private static boolean sameFrom(ObjectReference a, ObjectReference b) {
        if (a == null || b == null) {
            return a == b;
        }
        return text(a.getKind()).equals(text(b.getKind()))
                && text(a.getNamespace()).equals(text(b.getNamespace()))
                && text(a.getName()).equals(text(b.getName()))
                && text(a.getUid()).equals(text(b.getUid()))
                && text(a.getApiVersion()).equals(text(b.getApiVersion()))
                && text(a.getResourceVersion()).equals(text(b.getResourceVersion()))
                && text(a.getFieldPath()).equals(text(b.getFieldPath()));
    }

    private static Map<String, TagReference> byName(ImageStreamSpec spec) {
        // the server keeps spec tags in a map: a name given twice keeps its last entry
        Map<String, TagReference> byName = new TreeMap<>();
        spec.getTags().forEach(tag -> byName.put(tag.getName(), tag));
        return byName;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static String namespaceOf(ObjectReference from, String streamNamespace) {
        return text(from.getNamespace()).isEmpty() ? text(streamNamespace) : from.getNamespace();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
