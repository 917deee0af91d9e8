package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import java.util.List;

/**
 * Turns validation errors into the apiserver's 422 answer: {@code ImageStream.image.openshift.io "foo" is invalid:
 * spec.tags[bar].from.name: Required value}, one {@code details.causes} entry per error.
 */
public final class ValidationErrors {

    private ValidationErrors() {
    }

    /** The 422 Invalid error for {@code kind} (e.g. {@code ImageStream}) {@code name} of this API group. */
    public static StatusException invalid(String kind, String name, List<FieldError> errors) {
        return new StatusException(Status.invalid(ImageApi.GROUP, kind, name, errors));
    }

    /**
     * Returns if {@code errors} is empty.
     *
     * @throws StatusException the 422 Invalid error otherwise
     */
    public static void requireValid(String kind, String name, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw invalid(kind, name, errors);
        }
    }
}
