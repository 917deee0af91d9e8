package io.imagestreams.api.json;

import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.List;

/**
 * Serialisation converter for Go slices without {@code omitempty} that the server leaves nil when empty:
 * an empty list is written as {@code null}.
 */
public final class EmptyListAsNull extends StdConverter<List<?>, List<?>> {

    @Override
    public List<?> convert(List<?> value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
