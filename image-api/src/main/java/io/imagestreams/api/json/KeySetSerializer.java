package io.imagestreams.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Set;

/**
 * Writes a set of strings as a Go {@code map[string]struct{}}: {@code {"8080/tcp": {}}}, the shape docker uses
 * for exposed ports and volumes.
 */
public final class KeySetSerializer extends StdSerializer<Set<String>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public KeySetSerializer() {
        super((Class<Set<String>>) (Class) Set.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Set<String> value) {
        return value == null || value.isEmpty();
    }

    @Override
    public void serialize(Set<String> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        for (String key : value) {
            gen.writeFieldName(key);
            gen.writeStartObject();
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }
}
