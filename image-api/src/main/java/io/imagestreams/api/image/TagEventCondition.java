package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.json.Rfc3339Time;
import java.time.Instant;
import java.util.Objects;

/**
 * A condition on a tag's history; OpenShift only writes {@code ImportSuccess=False}. An unset
 * {@code lastTransitionTime} is written as {@code null}, as Go writes a zero {@code metav1.Time}.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"type", "status", "lastTransitionTime", "reason", "message", "generation"})
public class TagEventCondition {

    public static final String IMPORT_SUCCESS = "ImportSuccess";
    public static final String STATUS_TRUE = "True";
    public static final String STATUS_FALSE = "False";
    public static final String STATUS_UNKNOWN = "Unknown";

    @JsonProperty("type")
    private String type = "";
    @JsonProperty("status")
    private String status = "";
    @JsonProperty("lastTransitionTime")
    @Rfc3339Time
    private Instant lastTransitionTime;
    @JsonProperty("reason")
    @JsonInclude(Include.NON_EMPTY)
    private String reason;
    @JsonProperty("message")
    @JsonInclude(Include.NON_EMPTY)
    private String message;
    @JsonProperty("generation")
    private long generation;

    public TagEventCondition() {
    }

    /** {@code ImportSuccess=False}, as the importer records a failed import. */
    public static TagEventCondition importFailed(String reason, String message, long generation, Instant at) {
        TagEventCondition condition = new TagEventCondition();
        condition.setType(IMPORT_SUCCESS);
        condition.setStatus(STATUS_FALSE);
        condition.setReason(reason);
        condition.setMessage(message);
        condition.setGeneration(generation);
        condition.setLastTransitionTime(at);
        return condition;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = Objects.requireNonNullElse(type, "");
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = Objects.requireNonNullElse(status, "");
    }

    public Instant getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(Instant lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
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

    public long getGeneration() {
        return generation;
    }

    public void setGeneration(long generation) {
        this.generation = generation;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TagEventCondition other
                && type.equals(other.type)
                && status.equals(other.status)
                && Objects.equals(lastTransitionTime, other.lastTransitionTime)
                && Objects.equals(reason, other.reason)
                && Objects.equals(message, other.message)
                && generation == other.generation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, status, lastTransitionTime, reason, message, generation);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
