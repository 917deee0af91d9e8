package io.imagestreams.api.event;

/** Kafka record keys; all events of one stream share a key, so they stay in order on one partition. */
public final class EventKeys {

    private EventKeys() {
    }

    /** {@code namespace/stream}. */
    public static String streamKey(String namespace, String stream) {
        return namespace + "/" + stream;
    }
}
