package io.imagestreams.prune.service;

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
 * manifest list) is ReferencedByStream; removals say Pruned. The rules decide one item at a time, so a plan is
 * made while the projection is read (PlanRecorder) and never held in memory whole.
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

    /** Every reason, in the order a plan lists them: the deciding one first. Bit {@code i} of a mask is reason {@code i}. */
    static final List<String> REASONS = List.of(CURRENT_IMAGE, PINNED, REFERENCED_BY_WORKLOAD, REFERENCED_BY_STREAM, INVALID_REFERENCE,
            YOUNGER_THAN, WITHIN_REVISIONS);
    private static final int CURRENT_IMAGE_BIT = 1;
    private static final int PINNED_BIT = 1 << 1;
    private static final int REFERENCED_BY_WORKLOAD_BIT = 1 << 2;
    private static final int REFERENCED_BY_STREAM_BIT = 1 << 3;
    private static final int INVALID_REFERENCE_BIT = 1 << 4;
    private static final int YOUNGER_THAN_BIT = 1 << 5;
    private static final int WITHIN_REVISIONS_BIT = 1 << 6;
    /** Bounds the names remembered per run: beyond this many distinct repositories, the rest are parsed each time. */
    private static final int MAX_CACHED_NAMES = 10_000;

    private final int keepTagRevisions;
    private final Instant youngerThan;
    private final boolean ignoreInvalidReferences;
    private final Set<String> pins;
    private final WorkloadReferences workloads;
    private final Set<String> invalidNamespaces = new HashSet<>();
    /** Whether the name part of a pull spec (before its first '@') parses, by name: entries share few repositories. */
    private final Map<String, Boolean> validNames = new HashMap<>();

    public Planner(int keepTagRevisions, Duration keepYoungerThan, boolean ignoreInvalidReferences, Instant now, Set<String> pins,
            WorkloadReferences workloads) {
        this.keepTagRevisions = keepTagRevisions;
        this.youngerThan = now.minus(keepYoungerThan);
        this.ignoreInvalidReferences = ignoreInvalidReferences;
        this.pins = pins;
        this.workloads = workloads;
        if (!ignoreInvalidReferences) {
            workloads.invalid().forEach(ref -> invalidNamespaces.add(ref.namespace()));
        }
    }

    /** The reasons that keep a history entry, as a mask; 0 = removed. */
    public int entryReasons(Entry entry) {
        int reasons = 0;
        if (entry.position() == 0) {
            reasons |= CURRENT_IMAGE_BIT;
        }
        if (entry.image() != null && isPinned(entry.image(), pins)) {
            reasons |= PINNED_BIT;
        }
        if (workloads.protects(entry)) {
            reasons |= REFERENCED_BY_WORKLOAD_BIT;
        }
        if (!ignoreInvalidReferences
                && (invalidNamespaces.contains(entry.namespace()) || !isValidReference(entry.dockerImageReference()))) {
            reasons |= INVALID_REFERENCE_BIT;
        }
        if (entry.created() != null && entry.created().isAfter(youngerThan)) {
            reasons |= YOUNGER_THAN_BIT;
        }
        if (entry.position() < keepTagRevisions) {
            reasons |= WITHIN_REVISIONS_BIT;
        }
        return reasons;
    }

    /**
     * Whether {@code spec} parses as a pull spec, as {@link ImageReference#tryParse} tells, without parsing the
     * repository of every entry again: {@code name@digest} parses exactly when {@code name} does and {@code digest}
     * is a valid digest (the grammar splits at the first '@', and the name's checks do not depend on the digest).
     */
    boolean isValidReference(String spec) {
        if (spec == null) {
            return false;
        }
        int at = spec.indexOf('@');
        if (at < 0) {
            return ImageReference.tryParse(spec).isPresent();
        }
        String name = spec.substring(0, at);
        Boolean validName = validNames.get(name);
        if (validName == null) {
            validName = ImageReference.tryParse(name).isPresent();
            if (validNames.size() < MAX_CACHED_NAMES) {
                validNames.put(name, validName);
            }
        }
        return validName && ImageReference.isValidDigest(spec.substring(at + 1));
    }

    /**
     * The reasons that keep an image, as a mask; 0 = removed. {@code referencedByStream}: a kept entry names it, or
     * it is a child of a manifest list a kept entry names.
     */
    public int imageReasons(ImageFact image, boolean referencedByStream) {
        int reasons = 0;
        if (isPinned(image.digest(), pins)) {
            reasons |= PINNED_BIT;
        }
        if (workloads.digests().contains(image.digest())) {
            reasons |= REFERENCED_BY_WORKLOAD_BIT;
        }
        if (referencedByStream) {
            reasons |= REFERENCED_BY_STREAM_BIT;
        }
        if (image.firstSeen() != null && image.firstSeen().isAfter(youngerThan)) {
            reasons |= YOUNGER_THAN_BIT;
        }
        return reasons;
    }

    /** The reasons of a mask, the deciding one first; a removed item says Pruned. */
    public static List<String> reasons(int mask) {
        if (mask == 0) {
            return List.of(PRUNED);
        }
        List<String> reasons = new ArrayList<>(2);
        for (int i = 0; i < REASONS.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                reasons.add(REASONS.get(i));
            }
        }
        return reasons;
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

    /** One history entry of the projection; position 0 is the tag's current image. */
    public record Entry(String namespace, String stream, String tag, int position, String image, String dockerImageReference,
            Instant created, long generation) {
    }

    /** One image of the projection. */
    public record ImageFact(String digest, Long size, List<String> manifests, String dockerImageReference, Instant firstSeen) {
    }
}
