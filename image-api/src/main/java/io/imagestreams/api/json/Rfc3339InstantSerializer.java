package io.imagestreams.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/** Writes an {@link Instant} as an RFC 3339 UTC string with whole seconds. */
public final class Rfc3339InstantSerializer extends StdSerializer<Instant> {

    public Rfc3339InstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(Rfc3339.format(value));
    }
}
