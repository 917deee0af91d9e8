package io.imagestreams.stream.service.validation;

import io.imagestreams.api.meta.FieldError;

/** Kubernetes' {@code field.TooMany} and {@code field.TooLong} errors at a {@link FieldPath}. */
final class QuantityErrors {

    private QuantityErrors() {
    }

    /** {@code field.TooMany}: {@code spec.tags: Too many: 1001: must have at most 1000 items}. */
    static FieldError tooMany(FieldPath path, int actual, int max) {
        return FieldError.tooMany(path.toString(), actual, max);
    }

    /** {@code field.TooLong}: {@code metadata.annotations: Too long: may not be more than 262144 bytes}. */
    static FieldError tooLong(FieldPath path, int maxBytes) {
        return FieldError.tooLong(path.toString(), maxBytes);
    }
}
