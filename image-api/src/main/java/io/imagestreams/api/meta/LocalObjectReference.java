package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** Kubernetes {@code corev1.LocalObjectReference}: a name in the same namespace ({@code omitempty}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public class LocalObjectReference {

    @JsonProperty("name")
    @JsonInclude(Include.NON_EMPTY)
    private String name;

    public LocalObjectReference() {
    }

    public LocalObjectReference(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof LocalObjectReference other && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
