package io.imagestreams.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/** Reads a Go {@code map[string]struct{}} into a sorted set of its keys; the values are skipped. */
public final class KeySetDeserializer extends StdDeserializer<Set<String>> {

    public KeySetDeserializer() {
        super(Set.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            return (Set<String>) context.handleUnexpectedToken(Set.class, parser);
        }
        Set<String> keys = new TreeSet<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            keys.add(key);
            parser.nextToken();
            parser.skipChildren();
        }
        return keys;
    }
}
