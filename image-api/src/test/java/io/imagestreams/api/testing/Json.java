package io.imagestreams.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.json.ImageApiJson;

/** JSON helpers for tests, on the shared mapper. */
public final class Json {

    public static final ObjectMapper MAPPER = ImageApiJson.newObjectMapper();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts both texts hold the same JSON, field order included: both are parsed and printed the same way,
     * so layout does not matter and a failure shows a readable diff.
     */
    public static void assertSameJson(String actual, String expected) {
        assertThat(pretty(actual)).isEqualTo(pretty(expected));
    }

    private static String pretty(String json) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
