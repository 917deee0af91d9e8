package io.imagestreams.prune.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.reference.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for every history entry and (in runs over all namespaces) every image, whether it is kept or removed
 * and why — the rules of {@code oc adm prune images} (OpenShift reference §7) with this project's deliberate
 * departures (DESIGN §7): a tag's current entry is always kept, and a spec tag naming an image by digest pins it.
 *
 * <p>Reasons are listed every one that applies, the deciding one first: CurrentImage, Pinned, ReferencedByWorkload,
 * InvalidReference, YoungerThan, WithinRevisions; an image still named by a kept entry (or a child of such a
 * manifest list) is ReferencedByStream; removals say Pruned.
 */
public final class Planner {

    public static final String KEEP = "Keep";
    public static final String REMOVE = "Remove";

    public static final String CURRENT_IMAGE = "CurrentImage";
    public static final String PINNED = "Pinned";
    public static final String REFERENCED_BY_WORKLOAD = "ReferencedByWorkload";
    public static final String INVALID_REFERENCE = "InvalidReference";
    public static final String YOUNGER_THAN = "YoungerThan";
    public static final String WITHIN_REVISIONS = "WithinRevisions";
    public static final String REFERENCED_BY_STREAM = "ReferencedByStream";
    public static final String PRUNED = "Pruned";

    private Planner() {
    }

    /** What a run keeps and removes. */
    public static Plan plan(Input input) {
        Duration keepYoungerThan = input.keepYoungerThan();
        Instant youngerThan = input.now().minus(keepYoungerThan);
        Set<String> invalidNamespaces = new HashSet<>();
        if (!input.ignoreInvalidReferences()) {
            input.workloads().invalid().forEach(ref -> invalidNamespaces.add(ref.namespace()));
        }
        List<Item> items = new ArrayList<>(input.entries().size());
        Set<String> keptImages = new HashSet<>();
        for (Entry entry : input.entries()) {
            List<String> reasons = new ArrayList<>(2);
            if (entry.position() == 0) {
                reasons.add(CURRENT_IMAGE);
            }
            if (entry.image() != null && isPinned(entry.image(), input.pins())) {
                reasons.add(PINNED);
            }
            if (input.workloads().protects(entry)) {
                reasons.add(REFERENCED_BY_WORKLOAD);
            }
            if (!input.ignoreInvalidReferences()
                    && (invalidNamespaces.contains(entry.namespace()) || ImageReference.tryParse(entry.dockerImageReference()).isEmpty())) {
                reasons.add(INVALID_REFERENCE);
            }
            if (entry.created() != null && entry.created().isAfter(youngerThan)) {
                reasons.add(YOUNGER_THAN);
            }
            if (entry.position() < input.keepTagRevisions()) {
                reasons.add(WITHIN_REVISIONS);
            }
            boolean keep = !reasons.isEmpty();
            if (keep && entry.image() != null) {
                keptImages.add(entry.image());
            }
            items.add(new Item(entry.namespace(), entry.stream(), entry.tag(), entry.position(), entry.image(),
                    keep ? KEEP : REMOVE, keep ? reasons : List.of(PRUNED), entry));
        }
        List<ImageItem> images = new ArrayList<>();
        if (input.namespace().isEmpty()) {
            Map<String, ImageFact> byDigest = new HashMap<>();
            input.images().forEach(image -> byDigest.put(image.digest(), image));
            Set<String> referenced = new HashSet<>(keptImages);
            for (String kept : keptImages) {
                ImageFact fact = byDigest.get(kept);
                if (fact != null && fact.manifests() != null) {
                    referenced.addAll(fact.manifests());
                }
            }
            for (ImageFact image : input.images()) {
                List<String> reasons = new ArrayList<>(2);
                if (isPinned(image.digest(), input.pins())) {
                    reasons.add(PINNED);
                }
                if (input.workloads().digests().contains(image.digest())) {
                    reasons.add(REFERENCED_BY_WORKLOAD);
                }
                if (referenced.contains(image.digest())) {
                    reasons.add(REFERENCED_BY_STREAM);
                }
                if (image.firstSeen() != null && image.firstSeen().isAfter(youngerThan)) {
                    reasons.add(YOUNGER_THAN);
                }
                boolean keep = !reasons.isEmpty();
                images.add(new ImageItem(image.digest(), image.size(), image.dockerImageReference(), keep ? KEEP : REMOVE,
                        keep ? reasons : List.of(PRUNED)));
            }
        }
        return new Plan(items, images);
    }

    /** A pin names an image by full digest or, as ImageStreamImage names may, by a digest prefix. */
    static boolean isPinned(String digest, Set<String> pins) {
        for (String pin : pins) {
            if (digest.startsWith(pin)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The digest a spec tag pins, if it names one: {@code ImageStreamImage} {@code stream@sha256:…} (or a prefix), or
     * a {@code DockerImage} pull spec with {@code @sha256:…}.
     */
    public static Optional<String> pinnedDigest(String kind, String name) {
        if (name == null) {
            return Optional.empty();
        }
        int at = name.lastIndexOf('@');
        String id = at >= 0 ? name.substring(at + 1) : name;
        if ("ImageStreamImage".equals(kind)) {
            if (id.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(id.contains(":") ? id : "sha256:" + id);
        }
        if ("DockerImage".equals(kind) && at >= 0 && id.startsWith("sha256:") && id.length() > "sha256:".length()) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /** What a plan is made from. {@code namespace} empty = all namespaces (then images are planned too). */
    public record Input(Optional<String> namespace, int keepTagRevisions, Duration keepYoungerThan, boolean ignoreInvalidReferences,
            Instant now, List<Entry> entries, List<ImageFact> images, Set<String> pins, WorkloadReferences workloads) {
    }

    /** One history entry of the projection; position 0 is the tag's current image. */
    public record Entry(String namespace, String stream, String tag, int position, String image, String dockerImageReference,
            Instant created, long generation) {
    }

    /** One image of the projection. */
    public record ImageFact(String digest, Long size, List<String> manifests, String dockerImageReference, Instant firstSeen) {
    }

    /** The plan: every entry and image with its action and reasons. */
    public record Plan(List<Item> items, List<ImageItem> images) {

        public List<Item> removedEntries() {
            return items.stream().filter(i -> REMOVE.equals(i.action())).toList();
        }

        public List<ImageItem> removedImages() {
            return images.stream().filter(i -> REMOVE.equals(i.action())).toList();
        }
    }

    /** A plan item as DESIGN §8 shows it. */
    @JsonInclude(Include.NON_NULL)
    public record Item(String namespace, String stream, String tag, int position, String image, String action, List<String> reasons,
            @com.fasterxml.jackson.annotation.JsonIgnore Entry entry) {
    }

    /** An image of a plan over all namespaces. */
    @JsonInclude(Include.NON_NULL)
    public record ImageItem(String image, Long size, @com.fasterxml.jackson.annotation.JsonIgnore String dockerImageReference,
            String action, List<String> reasons) {
    }
}
