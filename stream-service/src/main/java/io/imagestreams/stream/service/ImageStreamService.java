package io.imagestreams.stream.service;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamList;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ListMeta;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.messaging.OutboxRelay;
import io.imagestreams.stream.messaging.StreamEvents;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.repository.OutboxRepository;
import io.imagestreams.stream.repository.StoredStream;
import io.imagestreams.stream.repository.StreamKey;
import io.imagestreams.stream.repository.WatchEventRepository;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.stream.service.tags.StreamLookup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.UUID;

/**
 * Image stream reads and writes with OpenShift's semantics. Every write is one PostgreSQL transaction that
 * locks the stream row, applies the rules, stores the delta and appends its events to the outbox.
 */
@ApplicationScoped
public class ImageStreamService {

    private static final String RESOURCE = ImageApi.RESOURCE_IMAGE_STREAMS;
    private static final String GENERATE_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final ImageStreamRepository repository;
    private final OutboxRepository outbox;
    private final WatchEventRepository watchEvents;
    private final OutboxRelay relay;
    private final StreamRules rules;
    private final StreamEvents events;
    private final ImageRepository images;
    private final Clock clock;

    public ImageStreamService(Pool pool, ImageStreamRepository repository, OutboxRepository outbox, WatchEventRepository watchEvents,
            OutboxRelay relay, StreamRules rules, StreamEvents events, ImageRepository images, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.outbox = outbox;
        this.watchEvents = watchEvents;
        this.relay = relay;
        this.rules = rules;
        this.events = events;
        this.images = images;
        this.clock = clock;
    }

    public Uni<ImageStream> get(String namespace, String name) {
        return pool.withConnection(c -> repository.find(c, namespace, name))
                .map(found -> rules.decorate(found.orElseThrow(() -> notFound(name)).stream()));
    }

    public Uni<ImageStreamList> list(ListOptions options) {
        return pool.withConnection(c -> repository.currentResourceVersion(c)
                .flatMap(rv -> repository.list(c, options.pageQuery()).map(page -> toList(page, options, rv))));
    }

    private ImageStreamList toList(List<StoredStream> page, ListOptions options, long resourceVersion) {
        List<ImageStream> items = new ArrayList<>();
        for (StoredStream stored : page) {
            items.add(rules.decorate(stored.stream()));
        }
        ListMeta meta = ListMeta.atResourceVersion(Long.toString(resourceVersion));
        if (options.limit().isPresent() && items.size() > options.limit().getAsInt()) {
            items = new ArrayList<>(items.subList(0, options.limit().getAsInt()));
            ImageStream last = items.get(items.size() - 1);
            meta.setContinue(ListOptions.encode(new StreamKey(last.getMetadata().getNamespace(), last.getMetadata().getName())));
        }
        ImageStreamList list = new ImageStreamList(items);
        list.setMetadata(meta);
        return list;
    }

    public Uni<ImageStream> create(String namespace, ImageStream requested) {
        ObjectMeta meta = requested.getMetadata() == null ? new ObjectMeta() : requested.getMetadata();
        requested.setMetadata(meta);
        checkNamespace(namespace, meta);
        meta.setNamespace(namespace);
        if ((meta.getName() == null || meta.getName().isEmpty()) && meta.getGenerateName() != null && !meta.getGenerateName().isEmpty()) {
            meta.setName(meta.getGenerateName() + randomSuffix());
        }
        throwIfInvalid(meta.getName(), rules.prepareAndValidateCreate(requested));
        return pool.withTransaction(c -> insert(c, requested)).invoke(relay::wake).map(rules::decorate);
    }

    /** Stores a prepared and validated new stream after resolving its tags; 409 if the name is taken. */
    Uni<ImageStream> insert(SqlConnection c, ImageStream requested) {
        ObjectMeta meta = requested.getMetadata();
        return preload(c, null, requested).flatMap(lookup -> {
            Instant now = now();
            throwIfInvalid(meta.getName(), rules.tagsChanged(null, requested, lookup));
            meta.setUid(UUID.randomUUID().toString());
            meta.setCreationTimestamp(now);
            meta.setDeletionTimestamp(null);
            return repository.nextResourceVersion(c).flatMap(rv -> {
                meta.setResourceVersion(Long.toString(rv));
                return repository.insert(c, requested);
            }).flatMap(id -> {
                if (id.isEmpty()) {
                    throw new StatusException(Status.alreadyExists(ImageApi.GROUP, RESOURCE, meta.getName()));
                }
                return recordWatchEvent(c, "ADDED", requested)
                        .flatMap(ignored -> images.facts(c, StreamEvents.headImages(requested)))
                        .flatMap(facts -> outbox.append(c, events.forChange(null, requested, now, facts)));
            }).replaceWith(requested);
        });
    }

    public Uni<ImageStream> update(String namespace, String name, ImageStream requested) {
        ObjectMeta meta = requireMeta(requested);
        checkNamespace(namespace, meta);
        checkName(name, meta);
        meta.setNamespace(namespace);
        meta.setName(name);
        return pool.withTransaction(c -> repository.findForUpdate(c, namespace, name).flatMap(found -> {
            StoredStream stored = found.orElseThrow(() -> notFound(name));
            checkResourceVersion(name, meta, stored.stream());
            return applyUpdate(c, stored, requested);
        })).invoke(relay::wake).map(rules::decorate);
    }

    /** A spec update of a locked stream: OpenShift's update rules, validation, tag resolution, then the write. */
    Uni<ImageStream> applyUpdate(SqlConnection c, StoredStream stored, ImageStream requested) {
        String name = stored.stream().getMetadata().getName();
        ImageStream old = rules.decorate(stored.stream());
        keepServerOwnedMetadata(old, requested);
        throwIfInvalid(name, rules.prepareAndValidateUpdate(old, requested));
        return preload(c, old, requested).flatMap(lookup -> {
            throwIfInvalid(name, rules.tagsChanged(old, requested, lookup));
            return write(c, stored, requested);
        });
    }

    public Uni<ImageStream> updateStatus(String namespace, String name, ImageStream requested) {
        ObjectMeta meta = requireMeta(requested);
        checkNamespace(namespace, meta);
        checkName(name, meta);
        return pool.withTransaction(c -> repository.findForUpdate(c, namespace, name).flatMap(found -> {
            StoredStream stored = found.orElseThrow(() -> notFound(name));
            ImageStream old = rules.decorate(stored.stream());
            checkResourceVersion(name, meta, old);
            keepServerOwnedMetadata(old, requested);
            throwIfInvalid(name, rules.prepareAndValidateStatusUpdate(old, requested));
            return write(c, stored, requested);
        })).invoke(relay::wake).map(rules::decorate);
    }

    private Uni<Void> recordWatchEvent(SqlConnection c, String type, ImageStream stream) {
        ImageStream shown = rules.decorate(ImageApiJson.deepCopy(stream)).withTypeMeta();
        return watchEvents.append(c, WatchEventRepository.IMAGE_STREAMS, stream.getMetadata().getNamespace(),
                stream.getMetadata().getName(), type, Long.parseLong(stream.getMetadata().getResourceVersion()), shown);
    }

    /** What the client cannot change; set before validation so it does not report them as changed. */
    private static void keepServerOwnedMetadata(ImageStream old, ImageStream requested) {
        ObjectMeta meta = requested.getMetadata();
        meta.setUid(old.getMetadata().getUid());
        meta.setCreationTimestamp(old.getMetadata().getCreationTimestamp());
        meta.setGeneration(old.getMetadata().getGeneration());
        meta.setResourceVersion(old.getMetadata().getResourceVersion());
    }

    /** Stores a changed stream with a new resourceVersion and its events; an unchanged stream is not written. */
    Uni<ImageStream> write(SqlConnection c, StoredStream stored, ImageStream next) {
        return write(c, stored, next, now -> images.facts(c, StreamEvents.headImages(next))
                .map(facts -> events.forChange(stored.stream(), next, now, facts)));
    }

    /**
     * Stores a changed stream with a new resourceVersion and the events {@code eventsAt} gives for the write's
     * time; an unchanged stream is not written.
     */
    Uni<ImageStream> write(SqlConnection c, StoredStream stored, ImageStream next,
            Function<Instant, Uni<List<OutboxRepository.OutboxEvent>>> eventsAt) {
        ImageStream old = stored.stream();
        ObjectMeta meta = next.getMetadata();
        meta.setUid(old.getMetadata().getUid());
        meta.setCreationTimestamp(old.getMetadata().getCreationTimestamp());
        meta.setResourceVersion(old.getMetadata().getResourceVersion());
        if (unchanged(old, next)) {
            return Uni.createFrom().item(old);
        }
        Instant now = now();
        return repository.nextResourceVersion(c).flatMap(rv -> {
            meta.setResourceVersion(Long.toString(rv));
            return repository.update(c, stored, next);
        }).flatMap(ignored -> recordWatchEvent(c, "MODIFIED", next))
                .flatMap(ignored -> eventsAt.apply(now))
                .flatMap(changeEvents -> outbox.append(c, changeEvents)).replaceWith(next);
    }

    public Uni<Status> delete(String namespace, String name) {
        return pool.withTransaction(c -> repository.findForUpdate(c, namespace, name).flatMap(found -> {
            StoredStream stored = found.orElseThrow(() -> notFound(name));
            ImageStream last = rules.decorate(stored.stream());
            return repository.delete(c, stored.id())
                    .flatMap(ignored -> repository.nextResourceVersion(c))
                    .flatMap(rv -> {
                        // a deleted object is announced with the version of its deletion, as the API server does
                        last.getMetadata().setResourceVersion(Long.toString(rv));
                        return recordWatchEvent(c, "DELETED", last);
                    })
                    .flatMap(ignored -> outbox.append(c, events.forChange(stored.stream(), null, now())))
                    .replaceWith(deleted(stored.stream()));
        })).invoke(relay::wake);
    }

    /** Deletes every stream the options select, one transaction each, and answers the deleted streams. */
    public Uni<ImageStreamList> deleteCollection(ListOptions options) {
        return list(options).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ImageStream stream : list.getItems()) {
                chain = chain.flatMap(ignored -> delete(stream.getMetadata().getNamespace(), stream.getMetadata().getName())
                        .onFailure(StatusException.class).recoverWithNull().replaceWithVoid());
            }
            return chain.replaceWith(list);
        });
    }

    /** Loads the other streams the new spec tags refer to, so the tag rules can resolve them synchronously. */
    Uni<StreamLookup> preload(SqlConnection c, ImageStream old, ImageStream stream) {
        Set<StreamKey> keys = rules.referencedStreams(old, stream);
        Map<StreamKey, ImageStream> loaded = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StreamKey key : keys) {
            chain = chain.flatMap(ignored -> repository.find(c, key.namespace(), key.name())
                    .invoke(found -> found.ifPresent(s -> loaded.put(key, rules.decorate(s.stream()))))
                    .replaceWithVoid());
        }
        return chain.map(ignored -> StreamLookup.of(loaded.values()));
    }

    private boolean unchanged(ImageStream old, ImageStream next) {
        return old.getMetadata().getGeneration() == next.getMetadata().getGeneration()
                && Objects.equals(old.getMetadata().getLabels(), next.getMetadata().getLabels())
                && Objects.equals(old.getMetadata().getAnnotations(), next.getMetadata().getAnnotations())
                && Objects.equals(old.getSpec(), next.getSpec())
                && Objects.equals(old.getStatus() == null ? null : old.getStatus().getTags(),
                        next.getStatus() == null ? null : next.getStatus().getTags());
    }

    private static Status deleted(ImageStream stream) {
        return Status.deleted(ImageApi.GROUP, RESOURCE, stream.getMetadata().getName(), stream.getMetadata().getUid());
    }

    private static ObjectMeta requireMeta(ImageStream requested) {
        if (requested.getMetadata() == null) {
            requested.setMetadata(new ObjectMeta());
        }
        return requested.getMetadata();
    }

    static void checkNamespace(String namespace, ObjectMeta meta) {
        if (meta.getNamespace() != null && !meta.getNamespace().isEmpty() && !meta.getNamespace().equals(namespace)) {
            throw new StatusException(Status.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request"));
        }
    }

    static void checkName(String name, ObjectMeta meta) {
        if (meta.getName() != null && !meta.getName().isEmpty() && !meta.getName().equals(name)) {
            throw new StatusException(Status.badRequest(
                    "the name of the object (" + meta.getName() + ") does not match the name on the URL (" + name + ")"));
        }
    }

    static void checkResourceVersion(String name, ObjectMeta requested, ImageStream current) {
        String rv = requested.getResourceVersion();
        if (rv != null && !rv.isEmpty() && !rv.equals(current.getMetadata().getResourceVersion())) {
            throw new StatusException(Status.conflict(ImageApi.GROUP, RESOURCE, name));
        }
    }

    private static void throwIfInvalid(String name, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new StatusException(Status.invalid(ImageApi.GROUP, ImageApi.KIND_IMAGE_STREAM, name, errors));
        }
    }

    private static StatusException notFound(String name) {
        return new StatusException(Status.notFound(ImageApi.GROUP, RESOURCE, name));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(GENERATE_NAME_ALPHABET.charAt(RANDOM.nextInt(GENERATE_NAME_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
