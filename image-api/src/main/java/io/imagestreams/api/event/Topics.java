package io.imagestreams.api.event;

/** Kafka topic names. {@link #IMAGE_STREAM_EVENTS} is the ordered change log and is kept forever. */
public final class Topics {

    /** stream-service → all: stream, tag, history and image changes. */
    public static final String IMAGE_STREAM_EVENTS = "image-stream-events";
    /** stream-service → import-service: tags whose spec generation is newer than their import. */
    public static final String IMAGE_IMPORT_REQUESTS = "image-import-requests";
    /** import-service → stream-service: import outcomes per tag. */
    public static final String IMAGE_IMPORT_RESULTS = "image-import-results";
    /** prune-service → stream-service: revisions to drop or restore, images to delete. */
    public static final String IMAGE_PRUNE_COMMANDS = "image-prune-commands";

    private static final String DEAD_LETTER_SUFFIX = "-dlq";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: {@code <topic>-dlq}. */
    public static String dlq(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
