package io.imagestreams.api.event;

/** The data of one event: knows its CloudEvents type and its Kafka key. */
public sealed interface EventPayload permits StreamCreated, StreamUpdated, StreamDeleted, TagUpdated, TagDeleted,
        HistoryPruned, HistoryRestored, ImageDeleted, ImportRequested, ImportSucceeded, ImportFailed, PruneRevisions,
        RestoreRevisions, DeleteImages {

    /** The CloudEvents {@code type}, one of {@link EventTypes}. */
    String eventType();

    /** The Kafka record key. */
    String partitionKey();
}
