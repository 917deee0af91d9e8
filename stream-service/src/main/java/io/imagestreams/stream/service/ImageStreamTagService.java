package io.imagestreams.stream.service;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImage;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.ImageStreamTagList;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ListMeta;
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
import io.imagestreams.stream.service.validation.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
