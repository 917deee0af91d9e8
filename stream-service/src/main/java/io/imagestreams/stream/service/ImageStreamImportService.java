package io.imagestreams.stream.service;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageDefaults;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.stream.client.ImportServiceClient;
import io.imagestreams.stream.client.ImportServiceException;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.repository.StoredStream;
import io.imagestreams.stream.service.imports.ImportAnswers;
import io.imagestreams.stream.service.imports.ImportRecorder;
import io.imagestreams.stream.service.imports.ImportTarget;
import io.imagestreams.stream.service.imports.TargetPlatforms;
import io.imagestreams.stream.service.tags.TagImports;
import io.imagestreams.stream.service.validation.ImageStreamImportValidator;
import io.imagestreams.stream.service.validation.ValidationErrors;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code imagestreamimports} ({@code oc import-image}), OpenShift's synchronous import. import-service looks the
 * images up in their registries; this service checks the target stream before asking (a stale or wrong request
 * costs no registry calls), then records the results in one transaction that locks the stream, as an internal
 * write: tag events and conditions, the Images, the watch event and the outbox events. The stream is not locked
 * while import-service works; the request's preconditions are checked again under the lock.
 *
 * <p>When import-service gives no answer (not configured, unreachable, too slow, an error), every requested image
 * is answered as failed with {@code InternalError} and the stream is left alone: the registry was never asked,
 * so there is nothing to record about the image.
 */
@ApplicationScoped
public class ImageStreamImportService {

    private final Pool pool;
    private final ImageStreamRepository streams;
    private final ImageRepository images;
    private final ImageStreamService streamService;
    private final StreamRules rules;
    private final ImportServiceClient importService;
    private final OutboxRelay relay;
    private final Clock clock;
    private final ImageStreamImportValidator validator = new ImageStreamImportValidator();

    public ImageStreamImportService(Pool pool, ImageStreamRepository streams, ImageRepository images,
            ImageStreamService streamService, StreamRules rules, ImportServiceClient importService, OutboxRelay relay,
            Clock clock) {
        this.pool = pool;
        this.streams = streams;
        this.images = images;
        this.streamService = streamService;
        this.rules = rules;
        this.importService = importService;
        this.relay = relay;
        this.clock = clock;
    }

    /** Imports what {@code request} asks for and answers it with its status filled in. */
    public Uni<ImageStreamImport> create(String namespace, ImageStreamImport request) {
        ObjectMeta meta = request.getMetadata();
        ImageStreamService.checkNamespace(namespace, meta);
        meta.setNamespace(namespace);
        request.setStatus(null);
        ImageDefaults.apply(request);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM_IMPORT, meta.getName(), validator.validate(request));
        ImportTarget target = ImportTarget.of(meta);
        return pool.withConnection(c -> streams.find(c, namespace, meta.getName()))
                .map(target::check)
                .flatMap(current -> lookup(request, current).flatMap(lookup -> {
                    if (lookup.failed() || !request.getSpec().isImport()) {
                        // a dry run shows no stream; a failed lookup shows the stream it left as it was
                        Optional<ImageStream> shown = request.getSpec().isImport()
                                ? current.map(stored -> rules.decorate(stored.stream())) : Optional.empty();
                        return Uni.createFrom().item(answer(request, lookup.status(), shown));
                    }
                    return record(request, lookup.status(), target)
                            .map(stream -> answer(request, lookup.status(), Optional.of(stream)));
                }));
    }

    private record Lookup(ImageStreamImportStatus status, boolean failed) {
    }

    /** Asks import-service, telling it the platform each image's target spec tag in {@code current} prefers. */
    private Uni<Lookup> lookup(ImageStreamImport request, Optional<StoredStream> current) {
        return importService.lookup(request, TargetPlatforms.of(request.getSpec(), current.map(StoredStream::stream)))
                .map(status -> new Lookup(status, false))
                .onFailure(ImportServiceException.class).recoverWithItem(e -> {
                    ObjectMeta meta = request.getMetadata();
                    Log.warnf("image import into %s/%s got no lookup results: %s", meta.getNamespace(), meta.getName(),
                            e.getMessage());
                    return new Lookup(ImportAnswers.failedLookup(request.getSpec(), e.getMessage()), true);
                });
    }

    /** The stream after the import, and whether it was written (so the outbox relay has news). */
    private record Written(ImageStream stream, boolean changed) {
    }

    private Uni<ImageStream> record(ImageStreamImport request, ImageStreamImportStatus answer, ImportTarget target) {
        return pool.withTransaction(c -> streams.findForUpdate(c, target.namespace(), target.name())
                        .map(target::check)
                        .flatMap(found -> write(c, request, answer, found)))
                .invoke(written -> {
                    if (written.changed()) {
                        relay.wake();
                    }
                })
                .map(written -> rules.decorate(written.stream()));
    }

    private Uni<Written> write(SqlConnection c, ImageStreamImport request, ImageStreamImportStatus answer,
            Optional<StoredStream> found) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectMeta meta = request.getMetadata();
        // OpenShift creates a missing stream at generation 0, so the import's generation is 1
        ImageStream old = found.map(stored -> rules.decorate(stored.stream()))
                .orElseGet(() -> ImageStream.of(meta.getNamespace(), meta.getName()));
        ImageStream next = ImageApiJson.deepCopy(old);
        List<ImageImportStatus> imported = ImportRecorder.record(request.getSpec(), answer, next,
                TagImports.nextGeneration(old), now);
        boolean changed = TagImports.markChecked(old, next, now);
        return storeImages(c, imported).flatMap(ignored -> {
            if (found.isEmpty()) {
                return create(c, next);
            }
            if (!changed) {
                return Uni.createFrom().item(new Written(old, false));
            }
            return update(c, found.get(), old, next);
        });
    }

    /** OpenShift's InternalStrategy create: the imported status is kept, everything starts at generation 1. */
    private Uni<Written> create(SqlConnection c, ImageStream stream) {
        rules.prepareInternalCreate(stream);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, stream.getMetadata().getName(),
                rules.validateInternalCreate(stream));
        return streamService.insert(c, stream).map(created -> new Written(created, true));
    }

    /** OpenShift's InternalStrategy update: generations move, tracking tags follow the imported ones. */
    private Uni<Written> update(SqlConnection c, StoredStream stored, ImageStream old, ImageStream next) {
        String name = old.getMetadata().getName();
        rules.prepareInternalUpdate(old, next);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, name, rules.validateInternalUpdate(old, next));
        return streamService.preload(c, old, next).flatMap(lookup -> {
            ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, name, rules.tagsChanged(old, next, lookup));
            return streamService.write(c, stored, next);
        }).map(written -> new Written(written, true));
    }

    /**
     * Stores each imported image and its manifest children once (an image imported into several tags is one
     * Image) and shows the stored versions in the answer, as OpenShift does.
     */
    private Uni<Void> storeImages(SqlConnection c, List<ImageImportStatus> imported) {
        Map<String, Image> stored = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ImageImportStatus result : imported) {
            List<Image> children = new ArrayList<>();
            for (Image child : result.getManifests()) {
                chain = chain.flatMap(ignored -> store(c, child, stored)).invoke(children::add).replaceWithVoid();
            }
            chain = chain.flatMap(ignored -> store(c, result.getImage(), stored)).invoke(image -> {
                result.setImage(image);
                result.setManifests(children);
            }).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Image> store(SqlConnection c, Image image, Map<String, Image> stored) {
        String name = image.getMetadata().getName();
        Image known = stored.get(name);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return images.insertIfAbsent(c, ImportAnswers.forStorage(image)).map(saved -> {
            Image shown = ImportAnswers.embedded(saved);
            stored.put(name, shown);
            return shown;
        });
    }

    /** The request answered as OpenShift answers it: status filled, fresh uid and creation time, 201. */
    private ImageStreamImport answer(ImageStreamImport request, ImageStreamImportStatus status,
            Optional<ImageStream> stream) {
        status.setImport(stream.map(ImportAnswers::embedded).orElse(null));
        request.setStatus(status);
        ImportAnswers.clearManifests(request);
        request.getMetadata().setUid(UUID.randomUUID().toString());
        request.getMetadata().setCreationTimestamp(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return request.withTypeMeta();
    }
}
