package io.imagestreams.stream.service.tags;

import io.imagestreams.stream.repository.StreamKey;
import io.imagestreams.api.image.ImageDefaults;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamStatus;
import io.imagestreams.api.image.TagOrder;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the apiserver's image stream strategies do to a stream before it is stored
 * ({@code registry/imagestream/strategy.go}): defaulting, status repositories, generations, and the tag events
 * that spec tags record as soon as they are set. Methods change the stream they are given in place and do no
 * I/O; the service calls them inside its transaction, after loading the stored stream and any stream that spec
 * tags copy from.
 *
 * <p>The write paths, each followed by validation and {@link #tagsChanged} (whose errors join the validation
 * errors):
 * <ul>
 *   <li>{@code POST imagestreams}: {@link #prepareForCreate};</li>
 *   <li>{@code PUT/PATCH imagestreams/<name>}: {@link #prepareForUpdate} (status is the stored one);</li>
 *   <li>writes that carry status too (imports, istag writes and deletes): {@link #prepareForInternalCreate} /
 *       {@link #prepareForInternalUpdate};</li>
 *   <li>{@code PUT imagestreams/<name>/status}: {@link #prepareForStatusUpdate} only; it resolves no tags.</li>
 * </ul>
 */
public final class ImageStreamStrategy {

    private final RegistryHostnames hostnames;
    private final Supplier<Instant> clock;
    private final String defaultImportMode;

    public ImageStreamStrategy(RegistryHostnames hostnames, Supplier<Instant> clock) {
        this(hostnames, clock, ImageDefaults.DEFAULT_IMPORT_MODE);
    }

    /**
     * @param defaultImportMode the import mode empty {@code importPolicy.importMode} values default to
     *                          ({@code Legacy} unless the cluster chooses {@code PreserveOriginal})
     */
    public ImageStreamStrategy(RegistryHostnames hostnames, Supplier<Instant> clock, String defaultImportMode) {
        this.hostnames = Objects.requireNonNull(hostnames, "hostnames");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultImportMode = Objects.requireNonNull(defaultImportMode, "defaultImportMode");
    }

    /**
     * A user creates a stream: defaults applied, spec tags sorted and de-duplicated, the requested status
     * replaced by an empty one with the status repositories, {@code metadata.generation} 1 and every spec tag
     * at generation 1. Server-owned metadata (uid, resourceVersion, creationTimestamp) is the caller's.
     */
    public void prepareForCreate(ImageStream requested) {
        requested.setStatus(new ImageStreamStatus());
        prepareForInternalCreate(requested);
    }

    /** As {@link #prepareForCreate}, but the given status is kept, as when an import creates the stream. */
    public void prepareForInternalCreate(ImageStream stream) {
        normalize(stream);
        decorate(stream);
        stream.getMetadata().setGeneration(1);
        Generations.setAllSpecTags(stream);
    }

    /**
     * A user replaces the spec ({@code PUT}/{@code PATCH} of the stream): status is the stored one. The
     * generation moves only when the spec differs semantically from {@code old} (labels and annotations do not
     * count) or was 0; user-chosen tag generations are ignored except 0; new or changed tags
     * ({@link SpecTagChanges#tagRefChanged}) and tags at 0 take the new stream generation. {@code old} is not
     * changed.
     */
    public void prepareForUpdate(ImageStream old, ImageStream requested) {
        prepareForUpdate(old, requested, true);
    }

    /** As {@link #prepareForUpdate}, but the given status is kept (imports, istag writes and deletes). */
    public void prepareForInternalUpdate(ImageStream old, ImageStream stream) {
        prepareForUpdate(old, stream, false);
    }

    /**
     * A status write ({@code PUT imagestreams/<name>/status}): spec tags and {@code spec.dockerImageRepository}
     * stay as stored, the generation too ({@code spec.lookupPolicy} is taken from the request, as OpenShift's status
     * strategy does); a current event written with generation 0 gets the generation the apiserver gives it. No tag
     * is resolved and no tracking tag follows.
     */
    public void prepareForStatusUpdate(ImageStream old, ImageStream requested) {
        requested.getSpec().setTags(ImageApiJson.deepCopy(old.getSpec()).getTags());
        requested.getSpec().setDockerImageRepository(old.getSpec().getDockerImageRepository());
        normalize(requested);
        requested.getMetadata().setGeneration(old.getMetadata().getGeneration());
        decorate(requested);
        Generations.setObservedForStatusUpdate(requested, old);
    }

    /**
     * Sets {@code status.dockerImageRepository} and {@code publicDockerImageRepository} from the configured host
     * names. The apiserver does this on every read too, so call it on streams loaded for GET, LIST, watch and the
     * istag views.
     */
    public void decorate(ImageStream stream) {
        stream.getStatus().setDockerImageRepository(hostnames.dockerImageRepository(stream));
        stream.getStatus().setPublicDockerImageRepository(hostnames.publicDockerImageRepository(stream));
    }

    /**
     * The other streams {@link #tagsChanged} will read: the sources of new or changed {@code ImageStreamTag} and
     * {@code ImageStreamImage} spec tags. Call it with the same arguments, after the {@code prepareFor…} call,
     * and load exactly these streams into the {@link StreamLookup}.
     *
     * @param old the stored stream, {@code null} on create
     */
    public Set<StreamKey> referencedStreams(ImageStream old, ImageStream stream) {
        Set<StreamKey> keys = new LinkedHashSet<>();
        for (TagReference tag : changedTagsWithSource(old, stream)) {
            TagSource.parse(stream, tag.getFrom())
                    .filter(source -> !source.isIn(stream))
                    .ifPresent(source -> keys.add(source.streamKey()));
        }
        return keys;
    }

    /**
     * Records the events that new or changed spec tags produce at once, then lets tracking tags follow
     * ({@code tagsChanged} + {@code updateChangedTrackingTags}): reference DockerImage tags record their pull
     * spec without image ID; ImageStreamTag tags copy their source's current event (only same-stream sources are
     * followed later); ImageStreamImage tags record the image their ID prefix names. Run it after the
     * {@code prepareFor…} call (not after {@link #prepareForStatusUpdate}).
     *
     * @param old    the stored stream, {@code null} on create
     * @param lookup the streams named by {@link #referencedStreams}
     * @return errors at {@code spec.tags[<tag>].from.name}, worded as OpenShift words them; empty when all
     *     resolved. A tag with an error records nothing; the others are still applied.
     */
    public List<FieldError> tagsChanged(ImageStream old, ImageStream stream, StreamLookup lookup) {
        SpecTagResolver resolver = new SpecTagResolver(hostnames, clock);
        List<FieldError> errors = new ArrayList<>();
        for (TagReference tag : changedTagsWithSource(old, stream)) {
            tag.setGeneration(stream.getMetadata().getGeneration());
            SpecTagResolver.Outcome outcome = resolver.resolve(stream, tag, lookup);
            if (outcome instanceof SpecTagResolver.Error error) {
                errors.add(error.error());
            } else if (outcome instanceof SpecTagResolver.Event event) {
                TagHistory.addTagEvent(stream, tag.getName(), event.event());
            }
        }
        TagHistory.updateChangedTrackingTags(old, stream);
        return errors;
    }

    /** The spec tags, in name order, that are new or changed against {@code old} and have a {@code from}. */
    private static List<TagReference> changedTagsWithSource(ImageStream old, ImageStream stream) {
        String namespace = TagSource.namespaceOf(stream);
        return TagOrder.specTags(stream.getSpec().getTags()).stream()
                .filter(tag -> tag.getFrom() != null)
                .filter(tag -> {
                    Optional<TagReference> oldTag =
                            old == null ? Optional.empty() : old.getSpec().findTag(tag.getName());
                    return SpecTagChanges.isNewOrChanged(oldTag, tag, namespace);
                })
                .toList();
    }

    private void prepareForUpdate(ImageStream old, ImageStream stream, boolean keepStoredStatus) {
        normalize(stream);
        TagHistory.collapseEmpty(stream);
        if (keepStoredStatus) {
            stream.setStatus(ImageApiJson.deepCopy(old.getStatus()));
        }
        long oldGeneration = old.getMetadata().getGeneration();
        stream.getMetadata().setGeneration(oldGeneration);
        decorate(stream);
        Generations.keepOldSpecTagGenerations(stream, old);
        if (!SpecTagChanges.sameSpec(old.getSpec(), stream.getSpec()) || oldGeneration == 0) {
            stream.getMetadata().setGeneration(oldGeneration + 1);
        }
        Generations.setNewAndChangedSpecTags(stream, old);
    }

    private void normalize(ImageStream stream) {
        ImageDefaults.apply(stream, defaultImportMode);
        TagOrder.normalize(stream);
    }
}
