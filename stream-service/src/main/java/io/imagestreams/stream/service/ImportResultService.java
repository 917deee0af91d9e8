package io.imagestreams.stream.service;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.ImportFailed;
import io.imagestreams.api.event.ImportSucceeded;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.repository.StoredStream;
import io.imagestreams.stream.service.tags.TagImports;
import io.imagestreams.stream.service.validation.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies import-service's results to streams. Idempotent: a duplicate, an older result than the one already
 * applied, or a result for a tag that no longer asks for an import changes nothing.
 */
@ApplicationScoped
public class ImportResultService {

    private final Pool pool;
    private final ImageStreamRepository streams;
    private final ImageRepository images;
    private final ImageStreamService streamService;
    private final StreamRules rules;
    private final OutboxRelay relay;
    private final Clock clock;

    public ImportResultService(Pool pool, ImageStreamRepository streams, ImageRepository images, ImageStreamService streamService,
            StreamRules rules, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.streams = streams;
        this.images = images;
        this.streamService = streamService;
        this.rules = rules;
        this.relay = relay;
        this.clock = clock;
    }

    /** Returns whether the stream changed. */
    public Uni<Boolean> apply(EventPayload result) {
        String namespace;
        String name;
        if (result instanceof ImportSucceeded succeeded) {
            namespace = succeeded.namespace();
            name = succeeded.stream();
        } else if (result instanceof ImportFailed failed) {
            namespace = failed.namespace();
            name = failed.stream();
        } else {
            throw new IllegalArgumentException("not an import result: " + result.eventType());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return pool.withTransaction(c -> streams.findForUpdate(c, namespace, name).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            StoredStream stored = found.get();
            ImageStream old = rules.decorate(stored.stream());
            ImageStream next = ImageApiJson.deepCopy(old);
            boolean changed = result instanceof ImportSucceeded succeeded
                    ? TagImports.applyImportResult(next, succeeded, now)
                    : TagImports.applyImportResult(next, (ImportFailed) result, now);
            if (!changed) {
                return Uni.createFrom().item(false);
            }
            return storeImages(c, result).flatMap(ignored -> {
                rules.prepareInternalUpdate(old, next);
                return streamService.preload(c, old, next);
            }).flatMap(lookup -> {
                ValidationErrors.requireValid(ImageApi.KIND_IMAGE_STREAM, name, rules.tagsChanged(old, next, lookup));
                return streamService.write(c, stored, next);
            }).replaceWith(true);
        })).invoke(changed -> {
            if (changed) {
                relay.wake();
            }
        });
    }

    private Uni<Void> storeImages(SqlConnection c, EventPayload result) {
        if (!(result instanceof ImportSucceeded succeeded) || succeeded.image() == null) {
            return Uni.createFrom().voidItem();
        }
        List<Image> all = new ArrayList<>();
        all.add(succeeded.image());
        if (succeeded.manifests() != null) {
            all.addAll(succeeded.manifests());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Image image : all) {
            chain = chain.flatMap(ignored -> images.insertIfAbsent(c, image).replaceWithVoid());
        }
        return chain;
    }
}
