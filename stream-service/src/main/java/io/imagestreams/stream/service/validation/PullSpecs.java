package io.imagestreams.stream.service.validation;

import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.api.reference.InvalidImageReferenceException;
import java.util.List;
import java.util.Optional;

/** Parsing pull specs with OpenShift's error: {@code Invalid value: "abc@badid": invalid reference format}. */
final class PullSpecs {

    private PullSpecs() {
    }

    /** The parsed reference, or empty after adding the parse error for {@code path} to {@code errors}. */
    static Optional<ImageReference> parse(String pullSpec, FieldPath path, List<FieldError> errors) {
        try {
            return Optional.of(ImageReference.parse(pullSpec));
        } catch (InvalidImageReferenceException e) {
            // library-go's error text is the bare reason; the exception message adds our own explanation
            errors.add(FieldError.invalid(path.toString(), pullSpec == null ? "" : pullSpec, e.reason().text()));
            return Optional.empty();
        }
    }
}
