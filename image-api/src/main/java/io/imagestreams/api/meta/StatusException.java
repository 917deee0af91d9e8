package io.imagestreams.api.meta;

import java.util.Objects;

/**
 * An error that carries the Kubernetes {@link Status} to answer with, so a service can throw it anywhere and
 * render it once, in one exception mapper.
 */
public class StatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;

    public StatusException(Status status) {
        super(Objects.requireNonNull(status, "status").getMessage());
        this.status = status;
    }

    public StatusException(Status status, Throwable cause) {
        super(Objects.requireNonNull(status, "status").getMessage(), cause);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** The HTTP status code to answer with. */
    public int code() {
        return status.getCode();
    }
}
