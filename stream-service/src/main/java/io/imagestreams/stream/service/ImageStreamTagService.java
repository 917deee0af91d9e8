package io.imagestreams.stream.service;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImage;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.ImageStreamTagList;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.meta.GoQuote;
import io.imagestreams.api.meta.ListMeta;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.repository.StoredStream;
import io.imagestreams.stream.repository.StreamQuery;
import io.imagestreams.stream.service.tags.ImageStreamImages;
import io.imagestreams.stream.service.tags.ImageStreamTags;
import io.imagestreams.stream.service.tags.TagHistory;
import io.imagestreams.stream.service.validation.ImageStreamImageName;
import io.imagestreams.stream.service.validation.ImageStreamTagName;
import io.imagestreams.stream.service.validation.ImageStreamTagValidator;
import io.imagestreams.stream.service.validation.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The virtual {@code imagestreamtags} and {@code imagestreamimages}, read from and written to their streams. */
@ApplicationScoped
public class ImageStreamTagService {

    private final Pool pool;
    private final ImageStreamRepository streams;
    private final ImageRepository images;
    private final ImageStreamService streamService;
    private final StreamRules rules;
    private final OutboxRelay relay;
    private final ImageStreamTagValidator tagValidator = new ImageStreamTagValidator();

    public ImageStreamTagService(Pool pool, ImageStreamRepository streams, ImageRepository images, ImageStreamService streamService,
            StreamRules rules, OutboxRelay relay) {
        this.pool = pool;
        this.streams = streams;
        this.images = images;
        this.streamService = streamService;
        this.rules = rules;
        this.relay = relay;
    }

    /** GET: only tags whose current entry names an image exist as istags (spec-only, reference and failed tags do not). */
    public Uni<ImageStreamTag> get(String namespace, String name) {
        ImageStreamTagName istag = ImageStreamTagName.parse(name);
        return pool.withConnection(c -> streams.find(c, namespace, istag.stream()).flatMap(found -> {
            ImageStream stream = found.map(s -> rules.decorate(s.stream()))
                    .filter(s -> ImageStreamTags.exists(s, istag.tag()))
                    .orElseThrow(() -> tagNotFound(name));
            String digest = TagHistory.latest(stream, istag.tag()).orElseThrow().getImage();
            return images.find(c, digest).map(image -> ImageStreamTags.toImageStreamTag(stream,
                    istag.tag(), Optional.of(image.orElseThrow(() -> tagNotFound(name)))));
        }));
    }

    /** The istag as a PATCH starts from: any spec or status tag, with or without an image (404 when neither exists). */
    public Uni<ImageStreamTag> getForPatch(String namespace, String name) {
        ImageStreamTagName istag = ImageStreamTagName.parse(name);
        return pool.withConnection(c -> streams.find(c, namespace, istag.stream())).map(found -> {
            ImageStream stream = found.map(s -> rules.decorate(s.stream())).orElseThrow(() -> tagNotFound(name));
            if (stream.getSpec().findTag(istag.tag()).isEmpty() && TagHistory.find(stream, istag.tag()).isEmpty()) {
                throw tagNotFound(name);
            }
            return ImageStreamTags.toImageStreamTag(stream, istag.tag(), Optional.empty());
        });
    }

    public Uni<ImageStreamTagList> list(ListOptions options) {
        StreamQuery query = new StreamQuery(options.namespace(), Optional.empty(), options.condition(), java.util.OptionalInt.empty());
        return pool.withConnection(c -> streams.currentResourceVersion(c).flatMap(rv -> streams.list(c, query).map(page -> {
            List<ImageStreamTag> items = new ArrayList<>();
            for (StoredStream stored : page) {
                items.addAll(ImageStreamTags.listItems(rules.decorate(stored.stream())));
            }
            ImageStreamTagList list = new ImageStreamTagList(items);
            list.setMetadata(ListMeta.atResourceVersion(Long.toString(rv)));
            return list;
        })));
    }

    /**
     * POST: adds the spec tag (creating the stream when it does not exist yet); 409 when the spec tag exists.
     * Tags that only have history (pushed, never specified) can be created.
     */
    public Uni<ImageStreamTag> create(String namespace, ImageStreamTag requested) {
        ObjectMeta meta = requireMeta(requested);
        ImageStreamService.checkNamespace(namespace, meta);
        meta.setNamespace(namespace);
        ImageStreamTagName istag = ImageStreamTagName.tryParse(meta.getName()).orElseThrow(() -> new StatusException(
                Status.badRequest(GoQuote.quote(String.valueOf(meta.getName())) + " must be of the form <stream_name>:<tag>")));
        TagReference tag = requested.getTag() == null ? new TagReference() : requested.getTag();
        tag.setName(istag.tag());
        requested.setTag(tag);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM_TAG, meta.getName(), tagValidator.validateCreate(requested));
        return pool.withTransaction(c -> streams.findForUpdate(c, namespace, istag.stream()).flatMap(found -> {
            if (found.isEmpty()) {
                return createStreamWith(c, namespace, istag, specTag(tag, meta));
            }
            StoredStream stored = found.get();
            if (stored.stream().getSpec().findTag(istag.tag()).isPresent()) {
                throw new StatusException(Status.alreadyExists(ImageApi.GROUP, "imagestreamtag", meta.getName()));
            }
            ImageStream next = ImageApiJson.deepCopy(stored.stream());
            putSpecTag(next, specTag(tag, meta));
            return streamService.applyUpdate(c, stored, next);
        })).invoke(relay::wake).map(stream -> ImageStreamTags.toImageStreamTag(rules.decorate(stream), istag.tag(), Optional.empty()));
    }

    /**
     * PUT: sets the spec tag from {@code tag} (annotations from the istag's metadata), creating the stream when it
     * does not exist and no resourceVersion was given. The result says whether the spec tag is new (201).
     */
    public Uni<Written> update(String namespace, String name, ImageStreamTag requested) {
        ObjectMeta meta = requireMeta(requested);
        ImageStreamService.checkNamespace(namespace, meta);
        ImageStreamService.checkName(name, meta);
        meta.setNamespace(namespace);
        meta.setName(name);
        ImageStreamTagName istag = ImageStreamTagName.parse(name);
        return pool.withTransaction(c -> streams.findForUpdate(c, namespace, istag.stream()).flatMap(found -> {
            String rv = meta.getResourceVersion();
            if (found.isEmpty()) {
                if (rv != null && !rv.isEmpty()) {
                    throw tagNotFound(name);
                }
                TagReference tag = requireSpecTag(requested, namespace, istag);
                ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM_TAG, name, tagValidator.validateCreate(requested));
                return createStreamWith(c, namespace, istag, specTag(tag, meta)).map(s -> new Written(s, true));
            }
            StoredStream stored = found.get();
            ImageStream old = rules.decorate(stored.stream());
            ImageStreamService.checkResourceVersion(name, meta, old);
            boolean existed = old.getSpec().findTag(istag.tag()).isPresent();
            ImageStreamTag existing = ImageStreamTags.toImageStreamTag(old, istag.tag(), Optional.empty());
            if (requested.getTag() == null && !existed) {
                requireSpecTag(requested, namespace, istag);
            }
            TagReference tag = requested.getTag() == null ? existing.getTag() : requested.getTag();
            tag.setName(istag.tag());
            tag.setAnnotations(meta.getAnnotations());
            requested.setTag(tag);
            // what the client cannot change comes from the stored view, so validation compares like with like
            requested.setImage(existing.getImage());
            requested.setConditions(existing.getConditions());
            meta.setUid(existing.getMetadata().getUid());
            meta.setCreationTimestamp(existing.getMetadata().getCreationTimestamp());
            meta.setResourceVersion(existing.getMetadata().getResourceVersion());
            meta.setLabels(existing.getMetadata().getLabels());
            ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM_TAG, name, tagValidator.validateUpdate(requested, existing));
            ImageStream next = ImageApiJson.deepCopy(stored.stream());
            putSpecTag(next, specTag(tag, meta));
            return streamService.applyUpdate(c, stored, next).map(s -> new Written(s, !existed));
        })).invoke(relay::wake).map(written -> new Written(rules.decorate(written.stream()), written.created()));
    }

    /** A stream written through an istag, and whether the spec tag was created by the write. */
    public record Written(ImageStream stream, boolean created) {

        public ImageStreamTag istag(String tag) {
            return ImageStreamTags.toImageStreamTag(stream, tag, Optional.empty());
        }
    }

    private Uni<ImageStream> createStreamWith(SqlConnection c, String namespace, ImageStreamTagName istag, TagReference tag) {
        ImageStream stream = ImageStream.of(namespace, istag.stream());
        putSpecTag(stream, tag);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, istag.stream(), rules.prepareAndValidateCreate(stream));
        return streamService.insert(c, stream);
    }

    private static TagReference requireSpecTag(ImageStreamTag requested, String namespace, ImageStreamTagName istag) {
        if (requested.getTag() == null) {
            throw new StatusException(Status.badRequest("imagestreamtag " + istag.tag() + " is not a spec tag in imagestream "
                    + namespace + "/" + istag.stream() + ", cannot be updated"));
        }
        requested.getTag().setName(istag.tag());
        return requested.getTag();
    }

    /** The spec tag an istag write stores: its annotations are the istag's metadata annotations. */
    private static TagReference specTag(TagReference tag, ObjectMeta meta) {
        TagReference copy = ImageApiJson.deepCopy(tag);
        copy.setAnnotations(meta.getAnnotations());
        return copy;
    }

    private static void putSpecTag(ImageStream stream, TagReference tag) {
        List<TagReference> tags = new ArrayList<>();
        if (stream.getSpec().getTags() != null) {
            stream.getSpec().getTags().stream().filter(t -> !t.getName().equals(tag.getName())).forEach(tags::add);
        }
        tags.add(tag);
        stream.getSpec().setTags(tags);
    }

    private static ObjectMeta requireMeta(ImageStreamTag requested) {
        if (requested.getMetadata() == null) {
            requested.setMetadata(new ObjectMeta());
        }
        return requested.getMetadata();
    }

    /** DELETE removes both the spec tag and its history; the images stay (pruning removes them). */
    public Uni<Status> delete(String namespace, String name) {
        ImageStreamTagName istag = ImageStreamTagName.parse(name);
        return pool.withTransaction(c -> streams.findForUpdate(c, namespace, istag.stream()).flatMap(found -> {
            StoredStream stored = found.orElseThrow(() -> tagNotFound(name));
            ImageStream old = rules.decorate(stored.stream());
            ImageStream next = ImageApiJson.deepCopy(old);
            if (!TagHistory.removeTag(next, istag.tag())) {
                throw tagNotFound(name);
            }
            rules.prepareInternalUpdate(old, next);
            return streamService.preload(c, old, next).flatMap(lookup -> {
                ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, istag.stream(), rules.tagsChanged(old, next, lookup));
                return streamService.write(c, stored, next);
            }).map(ignored -> deleted(name, old.getMetadata().getUid()));
        })).invoke(relay::wake);
    }

    /** GET {@code <stream>@<id>}: any unambiguous-or-not digest prefix of an image in the stream's history. */
    public Uni<ImageStreamImage> getImage(String namespace, String name) {
        ImageStreamImageName isimage = ImageStreamImageName.parse(name);
        return pool.withConnection(c -> streams.find(c, namespace, isimage.stream()).flatMap(found -> {
            ImageStream stream = rules.decorate(found.orElseThrow(() -> imageNotFound(name)).stream());
            Set<String> digests = historyImages(stream);
            return images.manifestListChildren(c, digests).flatMap(children -> {
                String digest = ImageStreamImages.findImage(stream, isimage.id(), children).orElseThrow(() -> imageNotFound(name));
                return images.find(c, digest).map(image ->
                        ImageStreamImages.toImageStreamImage(stream, isimage.id(), image.orElseThrow(() -> imageNotFound(name))));
            });
        }));
    }

    private static Set<String> historyImages(ImageStream stream) {
        Set<String> digests = new LinkedHashSet<>();
        if (stream.getStatus() != null && stream.getStatus().getTags() != null) {
            stream.getStatus().getTags().forEach(list -> list.getItems().forEach(event -> {
                if (event.getImage() != null && !event.getImage().isEmpty()) {
                    digests.add(event.getImage());
                }
            }));
        }
        return digests;
    }

    private static Status deleted(String name, String uid) {
        return Status.deleted(ImageApi.GROUP, ImageApi.RESOURCE_IMAGE_STREAM_TAGS, name, uid);
    }

    static StatusException tagNotFound(String name) {
        return new StatusException(Status.notFound(ImageApi.GROUP, ImageApi.RESOURCE_IMAGE_STREAM_TAGS, name));
    }

    /** OpenShift names the resource in the singular here. */
    private static StatusException imageNotFound(String name) {
        return new StatusException(Status.notFound(ImageApi.GROUP, "imagestreamimage", name));
    }
}
