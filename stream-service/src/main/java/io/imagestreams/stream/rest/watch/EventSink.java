package io.imagestreams.stream.rest.watch;

/** Where one watch's events go (a chunked HTTP response). Used on the connection's thread only. */
interface EventSink {

    /** Starts the stream: status 200 and headers, sent at once so the client knows the watch is open. */
    void open();

    void write(String frame);

    /** Whether the connection's write buffer is full; writing waits for {@link #onDrain} then. */
    boolean writeQueueFull();

    /** Runs {@code handler} once, the next time the write buffer has room again (it does not stay registered). */
    void onDrain(Runnable handler);

    /** Runs {@code handler} when the client goes away or the connection fails. */
    void onClose(Runnable handler);

    /** Ends the stream normally. Safe to call more than once and after the client left. */
    void end();

    /** Drops the connection without flushing what is still buffered: for a client that stopped reading. */
    void abort();

    /** Answers with an error instead of a stream; only before {@link #open()}. */
    void reject(int code, String statusJson);
}
