package io.imagestreams.importer.client;

import java.time.Duration;
import java.util.Optional;

/**
 * An import that failed, with the Kubernetes status reason OpenShift reports for it and a message a user can act
 * on (OpenShift's wording where it has one, e.g. {@code dockerimage.image.openshift.io "<ref>" not found}).
 */
public class RegistryException extends Exception {

    /** Reasons, as {@code status.images[i].status.reason} and the {@code ImportSuccess=False} condition carry them. */
    public enum Reason {
        Unauthorized, NotFound, Forbidden, Invalid, BadRequest, NotV2Registry, Timeout, RateLimited, InternalError
    }

    private final Reason reason;
    private final Duration retryAfter;

    public RegistryException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public RegistryException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#RateLimited}: how long the registry asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
