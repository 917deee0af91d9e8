package io.imagestreams.api.event;

import java.util.Map;
import java.util.Optional;

/** CloudEvents {@code type} of every event: {@code io.imagestreams.<area>.<verb>.v1}. */
public final class EventTypes {

    public static final String STREAM_CREATED = "io.imagestreams.stream.created.v1";
    public static final String STREAM_UPDATED = "io.imagestreams.stream.updated.v1";
    public static final String STREAM_DELETED = "io.imagestreams.stream.deleted.v1";
    public static final String TAG_UPDATED = "io.imagestreams.tag.updated.v1";
    public static final String TAG_DELETED = "io.imagestreams.tag.deleted.v1";
    public static final String HISTORY_PRUNED = "io.imagestreams.history.pruned.v1";
    public static final String HISTORY_RESTORED = "io.imagestreams.history.restored.v1";
    public static final String IMAGE_DELETED = "io.imagestreams.image.deleted.v1";
    public static final String IMPORT_REQUESTED = "io.imagestreams.import.requested.v1";
    public static final String IMPORT_SUCCEEDED = "io.imagestreams.import.succeeded.v1";
    public static final String IMPORT_FAILED = "io.imagestreams.import.failed.v1";
    public static final String PRUNE_REVISIONS = "io.imagestreams.prune.revisions.v1";
    public static final String PRUNE_RESTORE = "io.imagestreams.prune.restore.v1";
    public static final String PRUNE_DELETE_IMAGES = "io.imagestreams.prune.deleteimages.v1";

    private record Route(String topic, Class<? extends EventPayload> payload) {
    }

    private static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry(STREAM_CREATED, new Route(Topics.IMAGE_STREAM_EVENTS, StreamCreated.class)),
            Map.entry(STREAM_UPDATED, new Route(Topics.IMAGE_STREAM_EVENTS, StreamUpdated.class)),
            Map.entry(STREAM_DELETED, new Route(Topics.IMAGE_STREAM_EVENTS, StreamDeleted.class)),
            Map.entry(TAG_UPDATED, new Route(Topics.IMAGE_STREAM_EVENTS, TagUpdated.class)),
            Map.entry(TAG_DELETED, new Route(Topics.IMAGE_STREAM_EVENTS, TagDeleted.class)),
            Map.entry(HISTORY_PRUNED, new Route(Topics.IMAGE_STREAM_EVENTS, HistoryPruned.class)),
            Map.entry(HISTORY_RESTORED, new Route(Topics.IMAGE_STREAM_EVENTS, HistoryRestored.class)),
            Map.entry(IMAGE_DELETED, new Route(Topics.IMAGE_STREAM_EVENTS, ImageDeleted.class)),
            Map.entry(IMPORT_REQUESTED, new Route(Topics.IMAGE_IMPORT_REQUESTS, ImportRequested.class)),
            Map.entry(IMPORT_SUCCEEDED, new Route(Topics.IMAGE_IMPORT_RESULTS, ImportSucceeded.class)),
            Map.entry(IMPORT_FAILED, new Route(Topics.IMAGE_IMPORT_RESULTS, ImportFailed.class)),
            Map.entry(PRUNE_REVISIONS, new Route(Topics.IMAGE_PRUNE_COMMANDS, PruneRevisions.class)),
            Map.entry(PRUNE_RESTORE, new Route(Topics.IMAGE_PRUNE_COMMANDS, RestoreRevisions.class)),
            Map.entry(PRUNE_DELETE_IMAGES, new Route(Topics.IMAGE_PRUNE_COMMANDS, DeleteImages.class)));

    private EventTypes() {
    }

    /** The payload class to read an event of {@code type} into, for consumers dispatching on {@code ce_type}. */
    public static Optional<Class<? extends EventPayload>> payloadClass(String type) {
        return Optional.ofNullable(ROUTES.get(type)).map(Route::payload);
    }

    /** The topic events of {@code type} are published on. */
    public static Optional<String> topic(String type) {
        return Optional.ofNullable(ROUTES.get(type)).map(Route::topic);
    }
}
