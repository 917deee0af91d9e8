package io.imagestreams.stream.service;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamMapping;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.repository.StoredStream;
import io.imagestreams.stream.service.tags.TagHistory;
import io.imagestreams.stream.service.validation.ImageStreamMappingValidator;
import io.imagestreams.stream.service.validation.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code imagestreammappings}: what a registry sends after a push. Creates the Image (once; later mappings of
 * the same digest reuse it) and records the tag event, moving the tags that track this one.
 */
@ApplicationScoped
public class ImageStreamMappingService {

    private final Pool pool;
    private final ImageStreamRepository streams;
    private final ImageRepository images;
    private final ImageStreamService streamService;
    private final StreamRules rules;
    private final OutboxRelay relay;
    private final StreamServiceConfig config;
    private final Clock clock;
    private final ImageStreamMappingValidator validator = new ImageStreamMappingValidator();

    public ImageStreamMappingService(Pool pool, ImageStreamRepository streams, ImageRepository images, ImageStreamService streamService,
            StreamRules rules, OutboxRelay relay, StreamServiceConfig config, Clock clock) {
        this.pool = pool;
        this.streams = streams;
        this.images = images;
        this.streamService = streamService;
        this.rules = rules;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Status> create(String namespace, ImageStreamMapping mapping) {
        ObjectMeta meta = mapping.getMetadata() == null ? new ObjectMeta() : mapping.getMetadata();
        mapping.setMetadata(meta);
        ImageStreamService.checkNamespace(namespace, meta);
        meta.setNamespace(namespace);
        prepare(mapping);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM_MAPPING, meta.getName(), validator.validate(mapping));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return pool.withTransaction(c -> streams.findForUpdate(c, namespace, meta.getName()).flatMap(found -> {
            StoredStream stored = found.orElseThrow(() ->
                    new StatusException(Status.notFound(ImageApi.GROUP, ImageApi.RESOURCE_IMAGE_STREAMS, meta.getName())));
            ImageStream old = rules.decorate(stored.stream());
            return images.insertIfAbsent(c, mapping.getImage())
                    .flatMap(image -> {
                        ImageStream next = ImageApiJson.deepCopy(old);
                        TagEvent event = TagEvent.of(now, referenceFor(old, image), image.getMetadata().getName(),
                                old.getMetadata().getGeneration());
                        if (!TagHistory.addTagEvent(next, mapping.getTag(), event)) {
                            return Uni.createFrom().item(old);
                        }
                        TagHistory.updateTrackingTags(next, mapping.getTag(), event);
                        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, meta.getName(),
                                rules.prepareAndValidateStatusUpdate(old, next));
                        return streamService.write(c, stored, next);
                    });
        })).invoke(relay::wake).map(ignored -> Status.success());
    }

    /** As the API server does before validating: a pushed image without a pull spec lives in the integrated registry. */
    private void prepare(ImageStreamMapping mapping) {
        Image image = mapping.getImage();
        if (image == null) {
            return;
        }
        image.setSignatures(null);
        String name = image.getMetadata() == null ? null : image.getMetadata().getName();
        if ((image.getDockerImageReference() == null || image.getDockerImageReference().isEmpty()) && name != null) {
            config.registry().internalHostname().ifPresent(host -> image.setDockerImageReference(
                    host + "/" + mapping.getMetadata().getNamespace() + "/" + mapping.getMetadata().getName() + "@" + name));
        }
    }

    /** An image pushed to the integrated registry is pulled through this stream's repository. */
    private static String referenceFor(ImageStream stream, Image image) {
        String managed = image.getMetadata().getAnnotations() == null ? null
                : image.getMetadata().getAnnotations().get(ImageAnnotations.MANAGED);
        String repository = stream.getStatus() == null ? null : stream.getStatus().getDockerImageRepository();
        if ("true".equals(managed) && repository != null && !repository.isEmpty()) {
            return repository + "@" + image.getMetadata().getName();
        }
        return image.getDockerImageReference();
    }
}
