package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** Kubernetes {@code metav1.StatusCause}; every field is {@code omitempty}. */
@JsonInclude(Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"reason", "message", "field"})
public class StatusCause {

    @JsonProperty("reason")
    private String reason;
    @JsonProperty("message")
    private String message;
    @JsonProperty("field")
    private String field;

    public StatusCause() {
    }

    public StatusCause(String reason, String message, String field) {
        this.reason = reason;
        this.message = message;
        this.field = field;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StatusCause other
                && Objects.equals(reason, other.reason)
                && Objects.equals(message, other.message)
                && Objects.equals(field, other.field);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, message, field);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
