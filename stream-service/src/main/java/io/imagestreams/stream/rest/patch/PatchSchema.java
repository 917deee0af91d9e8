package io.imagestreams.stream.rest.patch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a Go type's struct tags that strategic merge patch reads ({@code patchStrategy}, {@code patchMergeKey}),
 * keyed by field path. A path is the JSON field names from the object's root joined by dots; list elements add no
 * segment, so the history items of every status tag are {@code status.tags.items}.
 *
 * <p>Lists not described here are replaced by a patch, as are lists of the unknown fields of any type.
 */
public final class PatchSchema {

    /** No merge lists at all: strategic merge patch then behaves like a merge patch that honours directives. */
    public static final PatchSchema NONE = builder().build();

    /** {@code image.openshift.io/v1} ImageStream, from the struct tags in {@code github.com/openshift/api/image/v1}. */
    public static final PatchSchema IMAGE_STREAM = builder()
            .objectMeta("metadata")
            .mergeByKey("spec.tags", "name")
            .mergeByKey("status.tags", "tag")
            .build();

    /**
     * {@code image.openshift.io/v1} ImageStreamTag: {@code tag} is a single TagReference and {@code conditions} has no
     * merge key, so only the metadata lists merge. {@code image.signatures} is deliberately replaced: its Go merge key
     * {@code name} lives in each signature's {@code metadata}, so merging it by key fails on every real signature.
     */
    public static final PatchSchema IMAGE_STREAM_TAG = builder()
            .objectMeta("metadata")
            .objectMeta("image.metadata")
            .replaceMap("image.dockerImageMetadata")
            .build();

    private final Map<String, String> mergeKeys;
    private final Set<String> replacedMaps;

    private PatchSchema(Builder builder) {
        this.mergeKeys = Map.copyOf(builder.mergeKeys);
        this.replacedMaps = Set.copyOf(builder.replacedMaps);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * How the list at {@code path} merges: empty when a patch replaces it, the merge key for a list of objects, or
     * the empty string for a list of primitives merged as a set ({@code metadata.finalizers}).
     */
    public Optional<String> mergeKey(String path) {
        return Optional.ofNullable(mergeKeys.get(path));
    }

    /** {@code true} when the object at {@code path} is replaced by a patch rather than merged. */
    public boolean replacesMap(String path) {
        return replacedMaps.contains(path);
    }

    public static final class Builder {

        private final Map<String, String> mergeKeys = new HashMap<>();
        private final Set<String> replacedMaps = new HashSet<>();

        private Builder() {
        }

        /** {@code patchStrategy:"merge" patchMergeKey:"<key>"} on a list of objects. */
        public Builder mergeByKey(String path, String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("a merge key must not be empty");
            }
            mergeKeys.put(path, key);
            return this;
        }

        /** {@code patchStrategy:"merge"} on a list of strings or numbers, merged as a set. */
        public Builder mergePrimitives(String path) {
            mergeKeys.put(path, "");
            return this;
        }

        /** {@code patchStrategy:"replace"} on an object. */
        public Builder replaceMap(String path) {
            replacedMaps.add(path);
            return this;
        }

        /** The merge lists of an ObjectMeta at {@code path}: ownerReferences by uid, finalizers as a set. */
        public Builder objectMeta(String path) {
            return mergeByKey(path + ".ownerReferences", "uid").mergePrimitives(path + ".finalizers");
        }

        public PatchSchema build() {
            return new PatchSchema(this);
        }
    }
}
