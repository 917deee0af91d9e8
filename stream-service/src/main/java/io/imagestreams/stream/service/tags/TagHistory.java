package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagEventCondition;
import io.imagestreams.api.image.TagOrder;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.ObjectReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The status side of tags: history (newest first), tracking tags and observed generations, as the apiserver's
 * {@code internal/imageutil/helpers.go} and the image controller handle them. Methods change the given stream in
 * place; status tags stay sorted by name and unique, as the server's map keeps them.
 */
public final class TagHistory {

    private TagHistory() {
    }

    /** The history of {@code tag}, if the stream has one. */
    public static Optional<NamedTagEventList> find(ImageStream stream, String tag) {
        return stream.getStatus().findTag(tag);
    }

    /**
     * {@code items[0]} of {@code tag}, the image it points at now; {@code ""} means {@code latest}
     * ({@code LatestTaggedImage}). This is the stored event itself: copy it before changing it.
     */
    public static Optional<TagEvent> latest(ImageStream stream, String tag) {
        String name = tag == null || tag.isEmpty() ? ImageApi.DEFAULT_IMAGE_TAG : tag;
        return find(stream, name).flatMap(NamedTagEventList::latest);
    }

    /**
     * Records {@code next} as the current image of {@code tag} ({@code AddTagEventToImageStream}). Against the
     * current {@code items[0]}: same reference, image and generation changes nothing; same reference and image
     * only updates the generation; same reference or same image updates the other field and the generation in
     * place; otherwise {@code next} is prepended. Any change clears the tag's conditions.
     *
     * @return whether the stream changed
     */
    public static boolean addTagEvent(ImageStream stream, String tag, TagEvent next) {
        NamedTagEventList history = findOrCreate(stream, tag);
        if (history.getItems().isEmpty()) {
            history.setItems(List.of(copy(next)));
            history.setConditions(null);
            return true;
        }
        TagEvent previous = history.getItems().get(0);
        boolean sameRef = previous.getDockerImageReference().equals(next.getDockerImageReference());
        boolean sameImage = previous.getImage().equals(next.getImage());
        boolean sameGeneration = previous.getGeneration() == next.getGeneration();
        if (sameRef && sameImage && sameGeneration) {
            return false;
        }
        if (sameRef || sameImage) {
            // the same image under another name, or a new image at the same pull spec: no new history row
            previous.setImage(next.getImage());
            previous.setDockerImageReference(next.getDockerImageReference());
            previous.setGeneration(next.getGeneration());
        } else {
            history.getItems().add(0, copy(next));
        }
        history.setConditions(null);
        return true;
    }

    /**
     * Pushes {@code updatedImage} into every spec tag that tracks {@code updatedTag} of this stream: kind
     * {@code ImageStreamTag}, same namespace, {@code from.name} {@code <updatedTag>} or
     * {@code <thisStream>:<updatedTag>} ({@code UpdateTrackingTags}). One level only, as OpenShift does for
     * image stream mappings; stream writes go through {@link #updateChangedTrackingTags}.
     *
     * @return how many tags changed
     */
    public static int updateTrackingTags(ImageStream stream, String updatedTag, TagEvent updatedImage) {
        return trackersOf(stream, updatedTag).stream()
                .mapToInt(tracker -> addTagEvent(stream, tracker, updatedImage) ? 1 : 0)
                .sum();
    }

    /**
     * After a stream write, makes every tracking tag follow its source when the source's {@code items[0]}
     * differs from {@code old} (every tag with history when {@code old} is {@code null}). Tags that change are
     * followed in turn, so chains ({@code latest -> 2 -> 2.1}) settle in one write; Go's map order makes that
     * chance in OpenShift.
     *
     * @return how many tag updates were made
     */
    public static int updateChangedTrackingTags(ImageStream old, ImageStream stream) {
        Deque<String> changed = new ArrayDeque<>();
        for (NamedTagEventList history : stream.getStatus().getTags()) {
            if (!history.getItems().isEmpty() && currentImageChanged(old, history)) {
                changed.add(history.getTag());
            }
        }
        int updates = 0;
        while (!changed.isEmpty()) {
            String tag = changed.poll();
            TagEvent current = copy(latest(stream, tag).orElseThrow());
            for (String tracker : trackersOf(stream, tag)) {
                if (addTagEvent(stream, tracker, current)) {
                    updates++;
                    changed.add(tracker);
                }
            }
        }
        return updates;
    }

    /**
     * The generation the importer has answered for {@code tag}: the larger of {@code items[0].generation} and the
     * generation of the first {@code ImportSuccess} condition; 0 if the tag has no history.
     */
    public static long latestObservedTagGeneration(ImageStream stream, String tag) {
        return find(stream, tag).map(TagHistory::observedGeneration).orElse(0L);
    }

    /** Whether the tag is imported from a registry: {@code from.kind} DockerImage and not {@code reference}. */
    public static boolean isImportable(TagReference tag) {
        return tag.getFrom() != null && ImageApi.KIND_DOCKER_IMAGE.equals(tag.getFrom().getKind())
                && !tag.isReference();
    }

    /**
     * Whether {@code tag} waits for an import: an importable spec tag whose generation is newer than the observed
     * one (the image controller's {@code tagNeedsImport}; a tag without generation waits for nothing).
     */
    public static boolean importPending(ImageStream stream, String tag) {
        return stream.getSpec().findTag(tag).filter(specTag -> importPending(stream, specTag)).isPresent();
    }

    /** The spec tags that wait for an import, in name order: what an import request should carry. */
    public static List<TagReference> tagsPendingImport(ImageStream stream) {
        return TagOrder.specTags(stream.getSpec().getTags()).stream()
                .filter(specTag -> importPending(stream, specTag))
                .toList();
    }

    /**
     * Removes {@code tag} from both spec and status, as {@code DELETE imagestreamtags/<s>:<t>} does. The caller
     * then writes the stream as an internal update (the spec change moves the stream generation).
     *
     * @return false if the stream had the tag in neither
     */
    public static boolean removeTag(ImageStream stream, String tag) {
        boolean removedStatus = stream.getStatus().getTags().removeIf(history -> history.getTag().equals(tag));
        boolean removedSpec = stream.getSpec().getTags().removeIf(specTag -> specTag.getName().equals(tag));
        return removedStatus || removedSpec;
    }

    /** Replaces the tag's conditions, creating its (empty) history if needed ({@code setTagConditions}). */
    static void setConditions(ImageStream stream, String tag, List<TagEventCondition> conditions) {
        findOrCreate(stream, tag).setConditions(conditions);
    }

    /** Drops histories with neither items nor conditions ({@code collapseEmptyStatusTags}). */
    static void collapseEmpty(ImageStream stream) {
        stream.getStatus().getTags()
                .removeIf(history -> history.getItems().isEmpty() && history.getConditions().isEmpty());
    }

    static TagEvent copy(TagEvent event) {
        return TagEvent.of(event.getCreated(), event.getDockerImageReference(), event.getImage(),
                event.getGeneration());
    }

    private static boolean importPending(ImageStream stream, TagReference specTag) {
        return isImportable(specTag) && specTag.getGeneration() != null
                && specTag.getGeneration() > latestObservedTagGeneration(stream, specTag.getName());
    }

    private static long observedGeneration(NamedTagEventList history) {
        long observed = history.latest().map(TagEvent::getGeneration).orElse(0L);
        // only the first ImportSuccess condition counts, as in OpenShift
        Optional<TagEventCondition> importCondition = history.getConditions().stream()
                .filter(condition -> TagEventCondition.IMPORT_SUCCESS.equals(condition.getType()))
                .findFirst();
        return Math.max(observed, importCondition.map(TagEventCondition::getGeneration).orElse(0L));
    }

    private static boolean currentImageChanged(ImageStream old, NamedTagEventList history) {
        if (old == null) {
            return true;
        }
        Optional<TagEvent> before = latest(old, history.getTag());
        return before.isEmpty() || !before.get().equals(history.getItems().get(0));
    }

    /** The spec tags that track {@code tag} of the same stream. */
    private static List<String> trackersOf(ImageStream stream, String tag) {
        List<String> trackers = new ArrayList<>();
        for (TagReference specTag : TagOrder.specTags(stream.getSpec().getTags())) {
            if (tracks(stream, specTag.getFrom(), tag)) {
                trackers.add(specTag.getName());
            }
        }
        return trackers;
    }

    private static boolean tracks(ImageStream stream, ObjectReference from, String tag) {
        if (from == null || !ImageApi.KIND_IMAGE_STREAM_TAG.equals(from.getKind())
                || !TagSource.namespaceOf(stream, from).equals(TagSource.namespaceOf(stream))) {
            return false;
        }
        String name = from.getName() == null ? "" : from.getName();
        int colon = name.indexOf(':');
        if (colon < 0) {
            return name.equals(tag);
        }
        // <stream>:<tag>, split at the first colon; an empty tag means latest (SplitImageStreamTag)
        String trackedTag = name.substring(colon + 1);
        return name.substring(0, colon).equals(stream.getMetadata().getName())
                && (trackedTag.isEmpty() ? ImageApi.DEFAULT_IMAGE_TAG : trackedTag).equals(tag);
    }

    private static NamedTagEventList findOrCreate(ImageStream stream, String tag) {
        return find(stream, tag).orElseGet(() -> {
            NamedTagEventList history = NamedTagEventList.of(tag);
            List<NamedTagEventList> tags = stream.getStatus().getTags();
            tags.add(history);
            tags.sort((a, b) -> TagOrder.BY_NAME.compare(a.getTag(), b.getTag()));
            return history;
        });
    }
}
