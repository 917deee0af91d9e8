package io.imagestreams.stream.client;

/**
 * A lookup at import-service that gave no usable answer: not configured, unreachable, too slow, an error
 * answer, or an answer that does not fit the request. The message says which, for the per-image statuses.
 */
public class ImportServiceException extends RuntimeException {

    public ImportServiceException(String message) {
        // the message is the whole story; a stack trace of an expected outage is noise
        super(message, null, false, false);
    }
}
