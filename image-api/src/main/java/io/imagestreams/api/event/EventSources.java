package io.imagestreams.api.event;

/** CloudEvents {@code source} of each service. */
public final class EventSources {

    public static final String STREAM_SERVICE = "/stream-service";
    public static final String IMPORT_SERVICE = "/import-service";
    public static final String TRIGGER_SERVICE = "/trigger-service";
    public static final String PRUNE_SERVICE = "/prune-service";

    private EventSources() {
    }
}
