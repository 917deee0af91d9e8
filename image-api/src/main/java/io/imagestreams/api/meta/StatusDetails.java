package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes {@code metav1.StatusDetails}; every field is {@code omitempty}. Note that the apiserver puts the
 * <em>resource</em> ({@code imagestreams}) in {@code kind} for most errors and the kind only for {@code Invalid}.
 */
@JsonInclude(Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "group", "kind", "uid", "causes", "retryAfterSeconds"})
public class StatusDetails {

    @JsonProperty("name")
    private String name;
    @JsonProperty("group")
    private String group;
    @JsonProperty("kind")
    private String kind;
    @JsonProperty("uid")
    private String uid;
    @JsonProperty("causes")
    private List<StatusCause> causes = new ArrayList<>();
    @JsonProperty("retryAfterSeconds")
    @JsonInclude(Include.NON_DEFAULT)
    private int retryAfterSeconds;

    public StatusDetails() {
    }

    public StatusDetails(String name, String group, String kind) {
        this.name = name;
        this.group = group;
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public List<StatusCause> getCauses() {
        return causes;
    }

    public void setCauses(List<StatusCause> causes) {
        this.causes = causes == null ? new ArrayList<>() : new ArrayList<>(causes);
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StatusDetails other
                && Objects.equals(name, other.name)
                && Objects.equals(group, other.group)
                && Objects.equals(kind, other.kind)
                && Objects.equals(uid, other.uid)
                && causes.equals(other.causes)
                && retryAfterSeconds == other.retryAfterSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, kind, uid, causes, retryAfterSeconds);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
