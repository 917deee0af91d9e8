package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** Kubernetes {@code metav1.ListMeta}; all fields {@code omitempty}, {@code selfLink} is not modelled. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"resourceVersion", "continue", "remainingItemCount"})
public class ListMeta {

    @JsonProperty("resourceVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String resourceVersion;
    private String continueToken;
    @JsonProperty("remainingItemCount")
    @JsonInclude(Include.NON_NULL)
    private Long remainingItemCount;

    public ListMeta() {
    }

    public static ListMeta atResourceVersion(String resourceVersion) {
        ListMeta meta = new ListMeta();
        meta.setResourceVersion(resourceVersion);
        return meta;
    }

    public String getResourceVersion() {
        return resourceVersion;
    }

    public void setResourceVersion(String resourceVersion) {
        this.resourceVersion = resourceVersion;
    }

    /** The {@code continue} token for the next page. */
    @JsonProperty("continue")
    @JsonInclude(Include.NON_EMPTY)
    public String getContinue() {
        return continueToken;
    }

    @JsonProperty("continue")
    public void setContinue(String continueToken) {
        this.continueToken = continueToken;
    }

    public Long getRemainingItemCount() {
        return remainingItemCount;
    }

    public void setRemainingItemCount(Long remainingItemCount) {
        this.remainingItemCount = remainingItemCount;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ListMeta other
                && Objects.equals(resourceVersion, other.resourceVersion)
                && Objects.equals(continueToken, other.continueToken)
                && Objects.equals(remainingItemCount, other.remainingItemCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resourceVersion, continueToken, remainingItemCount);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
