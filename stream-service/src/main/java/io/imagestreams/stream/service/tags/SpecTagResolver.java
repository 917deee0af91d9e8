package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectReference;
import io.imagestreams.api.reference.ImageReference;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a new or changed spec tag into the tag event it records at once, if any (the body of the apiserver's
 * {@code tagsChanged} loop and {@code tagReferenceToTagEvent}).
 */
final class SpecTagResolver {

    /** What a spec tag records in status when it is set. */
    sealed interface Outcome {
    }

    /** Nothing to record now: a tag the importer fills in, or a source tag without an image yet. */
    record NoEvent() implements Outcome {
    }

    record Event(TagEvent event) implements Outcome {
    }

    record Error(FieldError error) implements Outcome {
    }

    private final RegistryHostnames hostnames;
    private final Supplier<Instant> clock;

    SpecTagResolver(RegistryHostnames hostnames, Supplier<Instant> clock) {
        this.hostnames = hostnames;
        this.clock = clock;
    }

    /**
     * The event for {@code tag} of {@code stream}, whose generation must already be set. Reference DockerImage
     * tags record their pull spec; ImageStreamTag tags copy the source tag's current event (a snapshot unless
     * the source is this stream); ImageStreamImage tags record the image their ID prefix names.
     */
    Outcome resolve(ImageStream stream, TagReference tag, StreamLookup lookup) {
        ObjectReference from = Objects.requireNonNull(tag.getFrom(), "from");
        String fromName = Objects.requireNonNullElse(from.getName(), "");
        String namePath = "spec.tags[" + tag.getName() + "].from.name";
        if (ImageApi.KIND_DOCKER_IMAGE.equals(from.getKind()) && !fromName.isEmpty()) {
            return tag.isReference()
                    ? new Event(TagEvent.of(clock.get(), fromName, "", tag.getGeneration()))
                    : new NoEvent();
        }
        Optional<TagSource> parsed = TagSource.parse(stream, from);
        if (parsed.isEmpty()) {
            return new Error(FieldError.invalid(namePath, fromName, TagSource.FORM_ERROR));
        }
        TagSource source = parsed.get();
        Optional<ImageStream> loaded = source.isIn(stream)
                ? Optional.of(stream)
                : lookup.find(source.namespace(), source.stream());
        if (loaded.isEmpty()) {
            return new Error(FieldError.notFound(namePath, fromName));
        }
        ImageStream sourceStream = loaded.get();
        Outcome outcome = ImageApi.KIND_IMAGE_STREAM_TAG.equals(from.getKind())
                ? currentEventOf(sourceStream, source.tagOrId())
                : imageNamedBy(sourceStream, source.tagOrId(), namePath, fromName);
        if (outcome instanceof Event found) {
            TagEvent event = found.event();
            event.setGeneration(tag.getGeneration());
            if (!tag.isReference()) {
                event.setDockerImageReference(
                        throughThisStream(event.getDockerImageReference(), sourceStream, stream));
            }
        }
        return outcome;
    }

    /** A copy of the source tag's current event; a source without history is fine, tracking fills it later. */
    private static Outcome currentEventOf(ImageStream source, String tag) {
        return TagHistory.latest(source, tag)
                .<Outcome>map(event -> new Event(TagHistory.copy(event)))
                .orElseGet(NoEvent::new);
    }

    private Outcome imageNamedBy(ImageStream source, String id, String namePath, String fromName) {
        ImageIds.Resolution resolution = ImageIds.resolve(source, id, clock.get());
        if (resolution instanceof ImageIds.Unresolved unresolved) {
            return new Error(FieldError.invalid(namePath, fromName,
                    "error generating tag event: " + unresolved.message()));
        }
        return new Event(((ImageIds.Resolved) resolution).event());
    }

    /**
     * A pull spec in the source stream's integrated-registry repository is moved to this stream's, so later pulls
     * go through (and are authorized by) the stream that tags the image.
     */
    private String throughThisStream(String pullSpec, ImageStream source, ImageStream tagging) {
        Optional<ImageReference> parsed = ImageReference.tryParse(pullSpec);
        if (hostnames.internalHostname().isEmpty() || parsed.isEmpty()) {
            return pullSpec;
        }
        ImageReference reference = parsed.get();
        boolean inSourceRepository = reference.registry().equals(hostnames.internalHostname().get())
                && reference.namespace().equals(TagSource.namespaceOf(source))
                && reference.name().equals(source.getMetadata().getName());
        if (!inSourceRepository) {
            return pullSpec;
        }
        // library-go's Exact(): a digest replaces the tag
        String suffix = reference.hasDigest() ? "@" + reference.digest()
                : reference.hasTag() ? ":" + reference.tag() : "";
        return reference.registry() + "/" + TagSource.namespaceOf(tagging) + "/" + tagging.getMetadata().getName()
                + suffix;
    }
}
