package io.imagestreams.api.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link java.time.Instant} property as an RFC 3339 timestamp. Put on the property itself so the
 * wire format holds with any {@code ObjectMapper}, including one that registers jackson-datatype-jsr310.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = Rfc3339InstantSerializer.class)
@JsonDeserialize(using = Rfc3339InstantDeserializer.class)
public @interface Rfc3339Time {
}
