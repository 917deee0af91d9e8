package io.imagestreams.stream.service.validation;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Go reads JSON {@code null} into a field or list element as the type's zero value ({@code ""}, an empty struct),
 * so OpenShift judges such input like an empty value; these helpers give Java's nulls the same treatment.
 */
final class ZeroValues {

    private ZeroValues() {
    }

    static String orEmpty(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    static <T> T orZero(T value, Supplier<T> zero) {
        return value != null ? value : zero.get();
    }
}
