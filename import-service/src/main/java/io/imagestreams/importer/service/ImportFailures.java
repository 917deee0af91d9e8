package io.imagestreams.importer.service;

import io.imagestreams.api.meta.Status;
import io.imagestreams.importer.client.RegistryException;

/** A failed import as the Kubernetes {@code Status} an {@code ImageStreamImport} answer carries per image. */
public final class ImportFailures {

    private ImportFailures() {
    }

    public static Status status(RegistryException failure) {
        return Status.failure(code(failure.reason()), failure.reason().name(), failure.getMessage());
    }

    /** An entry that cannot be imported as written ({@code Invalid}), e.g. an unparseable pull spec. */
    public static Status invalid(String message) {
        return Status.failure(422, RegistryException.Reason.Invalid.name(), message);
    }

    private static int code(RegistryException.Reason reason) {
        return switch (reason) {
            case Unauthorized -> 401;
            // OpenShift reports a host that is no registry as Forbidden with reason NotV2Registry
            case Forbidden, NotV2Registry -> 403;
            case NotFound -> 404;
            case Invalid -> 422;
            case BadRequest -> 400;
            case Timeout -> 504;
            case RateLimited -> 429;
            case InternalError -> 500;
        };
    }
}
