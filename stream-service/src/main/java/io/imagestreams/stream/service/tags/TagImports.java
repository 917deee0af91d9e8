package io.imagestreams.stream.service.tags;

import io.imagestreams.api.event.ImportFailed;
import io.imagestreams.api.event.ImportSucceeded;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamSpec;
import io.imagestreams.api.image.ImageStreamStatus;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagEventCondition;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.image.TagReferencePolicy;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.api.meta.ObjectReference;
import io.imagestreams.api.reference.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Import results written into a stream, as the apiserver's {@code imagestreamimport} REST writes them
 * ({@code importSuccessful}, {@code setFailureCondition}, {@code ensureSpecTag}). All changes of one import use
 * one {@code nextGeneration} ({@code stream.generation + 1}) and one {@code now}; after them the caller writes
 * the stream as an internal update ({@link ImageStreamStrategy#prepareForInternalUpdate} then
 * {@link ImageStreamStrategy#tagsChanged}), which moves the stream and the imported spec tags to
 * {@code nextGeneration} and lets tracking tags follow.
 */
public final class TagImports {

    /** The message OpenShift records when a failed import gave none. */
    static final String UNKNOWN_ERROR = "unknown error prevented import";

    private TagImports() {
    }

    /**
     * What one {@code ImageStreamImport} entry asked for: the pull spec ({@code spec.images[i].from.name}, or
     * {@code <repository>:<tag>} for repository imports) and the policies the spec tag is given.
     */
    public record ImportRequest(String from, TagImportPolicy importPolicy, TagReferencePolicy referencePolicy) {

        public ImportRequest {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(importPolicy, "importPolicy");
            Objects.requireNonNull(referencePolicy, "referencePolicy");
        }

        /** What a spec tag asks for itself, for imports the tag's own generation started. */
        static ImportRequest of(TagReference tag) {
            return new ImportRequest(Objects.requireNonNullElse(tag.getFrom().getName(), ""), tag.getImportPolicy(),
                    tag.getReferencePolicy());
        }
    }

    /**
     * A successful import of {@code image} for {@code tag}. If the tag changes (no history or spec generation
     * yet, another pull spec or image, or a spec generation newer than the current event) the spec tag is
     * (re)set to {@code DockerImage <request.from>} at generation 0 and the event
     * {@code {now, repo@image, image, nextGeneration}} is added; in any case the spec tag takes the request's
     * import policy and the tag's conditions are cleared, so finding the same image again changes nothing else.
     *
     * @param image                the image name, its digest
     * @param dockerImageReference the pull spec the image was found at; written as {@code repo@image}
     */
    public static void recordImportedImage(ImageStream stream, String tag, ImportRequest request, String image,
            String dockerImageReference, long nextGeneration, Instant now) {
        TagEvent event = TagEvent.of(now, mostSpecificPullSpec(dockerImageReference, image), image, nextGeneration);
        if (hasTagChanged(stream, tag, event)) {
            ensureSpecTag(stream, tag, request, true);
            TagHistory.addTagEvent(stream, tag, event);
        }
        specTag(stream, tag).ifPresent(specTag -> specTag.setImportPolicy(copy(request.importPolicy())));
        TagHistory.setConditions(stream, tag, null);
    }

    /**
     * A failed import for {@code tag}: {@link #setImportFailure}, then a spec tag for {@code request} if the
     * stream has none (its current one is kept).
     */
    public static void recordImportFailure(ImageStream stream, String tag, ImportRequest request, String reason,
            String message, long nextGeneration, Instant now) {
        setImportFailure(stream, tag, nextGeneration, reason, message, now);
        ensureSpecTag(stream, tag, request, false);
    }

    /**
     * Records an {@code ImportSuccess=False} condition as the tag's only condition, unless it already has one
     * with the same reason and message; the history is kept, so the previous image stays current. A new
     * condition sets the spec tag's generation to 0, which the internal update turns into the stream's next
     * generation, so the importer does not retry the same spec.
     *
     * @param generation the condition's generation: the import's {@code nextGeneration}
     * @param message    an empty message becomes {@value #UNKNOWN_ERROR}
     * @return whether the stream changed
     */
    public static boolean setImportFailure(ImageStream stream, String tag, long generation, String reason,
            String message, Instant now) {
        String text = message == null || message.isEmpty() ? UNKNOWN_ERROR : message;
        TagEventCondition condition = TagEventCondition.importFailed(reason, text, generation, now);
        boolean alreadyRecorded = TagHistory.find(stream, tag).stream()
                .flatMap(history -> history.getConditions().stream())
                .anyMatch(existing -> sameFailure(existing, condition));
        if (alreadyRecorded) {
            return false;
        }
        TagHistory.setConditions(stream, tag, List.of(condition));
        specTag(stream, tag).ifPresent(specTag -> specTag.setGeneration(0L));
        return true;
    }

    /**
     * An import that import-service did for the spec tag's own generation succeeded. Results older than what the
     * tag has already observed, or than its spec generation (the spec changed since, and a newer import is
     * under way), and results for tags that are gone or no longer imported change nothing. Otherwise the result
     * is recorded with the spec tag's own pull spec and policies ({@link #recordImportedImage}).
     *
     * @return whether the stream changed and must be written (as an internal update)
     */
    public static boolean applyImportResult(ImageStream stream, ImportSucceeded result, Instant now) {
        Optional<TagReference> target = currentTarget(stream, result.tag(), result.generation(), result.scheduledFrom());
        if (target.isEmpty()) {
            return false;
        }
        Image image = Objects.requireNonNull(result.image(), "a successful import names its image");
        String reference = result.dockerImageReference() != null ? result.dockerImageReference()
                : Objects.requireNonNullElse(image.getDockerImageReference(), "");
        Snapshot before = Snapshot.of(stream);
        recordImportedImage(stream, result.tag(), ImportRequest.of(target.get()), image.getMetadata().getName(),
                reference, nextGeneration(stream), now);
        return markChecked(before, stream, now);
    }

    /**
     * An import that import-service did for the spec tag's own generation failed; stale results are ignored as
     * for successes, otherwise {@link #setImportFailure}.
     *
     * @return whether the stream changed and must be written (as an internal update)
     */
    public static boolean applyImportResult(ImageStream stream, ImportFailed result, Instant now) {
        if (currentTarget(stream, result.tag(), result.generation(), result.scheduledFrom()).isEmpty()) {
            return false;
        }
        Snapshot before = Snapshot.of(stream);
        setImportFailure(stream, result.tag(), nextGeneration(stream), result.reason(), result.message(), now);
        return markChecked(before, stream, now);
    }

    /**
     * Ends an import: if the stream changed since {@code before} (a copy taken before the first record call), or
     * was never checked, sets {@code openshift.io/image.dockerRepositoryCheck} to {@code now} and answers true:
     * the stream must be written. An import that found nothing new writes nothing.
     */
    public static boolean markChecked(ImageStream before, ImageStream stream, Instant now) {
        return markChecked(Snapshot.of(before), stream, now);
    }

    /** The generation every change of an import carries: one more than the stream's. */
    public static long nextGeneration(ImageStream stream) {
        return stream.getMetadata().getGeneration() + 1;
    }

    private static boolean markChecked(Snapshot before, ImageStream stream, Instant now) {
        Map<String, String> annotations = stream.getMetadata().getAnnotations();
        if (before.matches(stream) && annotations.containsKey(ImageAnnotations.DOCKER_REPOSITORY_CHECK)) {
            return false;
        }
        annotations.put(ImageAnnotations.DOCKER_REPOSITORY_CHECK, Rfc3339.format(now));
        return true;
    }

    /**
     * The spec tag a result may still be written to, if it is current. A scheduled check's result names the pull
     * spec it checked instead of relying on a generation: it applies while the tag is still scheduled and imports
     * from that pull spec (import-service may not have seen the generation an import just gave the tag, and a
     * scheduled import is always news, as OpenShift's scheduler treats it).
     */
    private static Optional<TagReference> currentTarget(ImageStream stream, String tag, long generation,
            String scheduledFrom) {
        if (scheduledFrom != null) {
            return specTag(stream, tag)
                    .filter(TagHistory::isImportable)
                    .filter(specTag -> specTag.getImportPolicy().isScheduled())
                    .filter(specTag -> scheduledFrom.equals(specTag.getFrom().getName()));
        }
        if (generation < TagHistory.latestObservedTagGeneration(stream, tag)) {
            return Optional.empty();
        }
        return specTag(stream, tag)
                .filter(TagHistory::isImportable)
                .filter(specTag -> specTag.getGeneration() == null || specTag.getGeneration() <= generation);
    }

    private static boolean hasTagChanged(ImageStream stream, String tag, TagEvent next) {
        Optional<TagEvent> previous = TagHistory.find(stream, tag).flatMap(NamedTagEventList::latest);
        Optional<Long> specGeneration = specTag(stream, tag).map(TagReference::getGeneration);
        if (previous.isEmpty() || specGeneration.isEmpty()) {
            return true;
        }
        return !previous.get().getDockerImageReference().equals(next.getDockerImageReference())
                || !previous.get().getImage().equals(next.getImage())
                || specGeneration.get() > previous.get().getGeneration();
    }

    /**
     * Points the spec tag at {@code request.from} (kind DockerImage) at generation 0 with the request's import
     * policy, keeping a reference policy it already has; with {@code reset} false an existing tag is left alone.
     */
    private static void ensureSpecTag(ImageStream stream, String tag, ImportRequest request, boolean reset) {
        Optional<TagReference> existing = specTag(stream, tag);
        if (existing.isPresent() && !reset) {
            return;
        }
        TagReference specTag = existing.orElseGet(() -> {
            TagReference created = TagReference.named(tag);
            stream.getSpec().getTags().add(created);
            return created;
        });
        specTag.setFrom(ObjectReference.of(ImageApi.KIND_DOCKER_IMAGE, request.from()));
        specTag.setGeneration(0L);
        specTag.setImportPolicy(copy(request.importPolicy()));
        if (specTag.getReferencePolicy().getType().isEmpty()) {
            specTag.setReferencePolicy(new TagReferencePolicy(request.referencePolicy().getType()));
        }
    }

    /** {@code repo@image}: the digest replaces any tag; a pull spec or image ID that does not parse is kept. */
    private static String mostSpecificPullSpec(String pullSpec, String image) {
        Optional<ImageReference> parsed = ImageReference.tryParse(pullSpec);
        if (parsed.isEmpty() || !image.isEmpty() && !ImageReference.isValidDigest(image)) {
            return pullSpec;
        }
        ImageReference reference = image.isEmpty() ? parsed.get() : parsed.get().withDigest(image);
        return reference.mostSpecific().exact();
    }

    private static boolean sameFailure(TagEventCondition a, TagEventCondition b) {
        return a.getType().equals(b.getType()) && a.getStatus().equals(b.getStatus())
                && Objects.equals(a.getReason(), b.getReason()) && Objects.equals(a.getMessage(), b.getMessage());
    }

    private static Optional<TagReference> specTag(ImageStream stream, String tag) {
        return stream.getSpec().findTag(tag);
    }

    private static TagImportPolicy copy(TagImportPolicy policy) {
        return TagImportPolicy.of(policy.isInsecure(), policy.isScheduled(), policy.getImportMode());
    }

    /**
     * Spec and status as they were before an import, to tell whether it changed anything. Both sides are compared
     * in their JSON form, so times that differ below a second (which JSON does not keep) do not count.
     */
    private record Snapshot(ImageStreamSpec spec, ImageStreamStatus status) {

        static Snapshot of(ImageStream stream) {
            return new Snapshot(ImageApiJson.deepCopy(stream.getSpec()), ImageApiJson.deepCopy(stream.getStatus()));
        }

        boolean matches(ImageStream stream) {
            return equals(of(stream));
        }
    }
}
