package io.imagestreams.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;

/**
 * The JSON setup every service shares. The API types carry their own wire rules (inclusion, order, timestamps),
 * so this only adds the RFC 3339 {@link Instant} format for other types and leaves Jackson's defaults alone.
 */
public final class ImageApiJson {

    private static final ObjectMapper COPIER = newObjectMapper();

    private ImageApiJson() {
    }

    /** A module writing every {@link Instant} as RFC 3339 UTC with whole seconds and reading any RFC 3339 offset. */
    public static Module module() {
        return new SimpleModule("imagestreams-api")
                .addSerializer(Instant.class, new Rfc3339InstantSerializer())
                .addDeserializer(Instant.class, new Rfc3339InstantDeserializer());
    }

    /** A new mapper with {@link #module()} registered. */
    public static ObjectMapper newObjectMapper() {
        return configure(new ObjectMapper());
    }

    /** Registers {@link #module()} on an existing mapper, such as the one a framework provides. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(module());
    }

    /**
     * Compact JSON of {@code value} for logs and {@code toString()}; never throws.
     */
    public static String toJsonString(Object value) {
        try {
            return COPIER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.getClass().getSimpleName() + " (not writable as JSON: " + e.getOriginalMessage() + ")";
        }
    }

    /**
     * Copies an API object through its JSON form, so the copy is exactly what a client would read back.
     *
     * @throws IllegalArgumentException if the value cannot be written or read as JSON
     */
    @SuppressWarnings("unchecked")
    public static <T> T deepCopy(T value) {
        if (value == null) {
            return null;
        }
        try {
            return (T) COPIER.treeToValue(COPIER.valueToTree(value), value.getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot copy " + value.getClass().getSimpleName() + " through JSON", e);
        }
    }
}
