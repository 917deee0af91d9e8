package io.imagestreams.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;

/** Reads an {@link Instant} from an RFC 3339 string with any offset; an empty string reads as {@code null}. */
public final class Rfc3339InstantDeserializer extends StdScalarDeserializer<Instant> {

    public Rfc3339InstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        if (text.isBlank()) {
            return null;
        }
        try {
            return Rfc3339.parse(text);
        } catch (IllegalArgumentException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "expected an RFC 3339 timestamp such as 2026-11-22T10:00:00Z");
        }
    }
}
