package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** How a tag is imported; every field is {@code omitempty}, so an empty policy is written as {@code {}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"insecure", "scheduled", "importMode"})
public class TagImportPolicy {

    /** Import a manifest list as one child image chosen by platform (the default). */
    public static final String LEGACY = "Legacy";
    /** Import a manifest list itself and all its children. */
    public static final String PRESERVE_ORIGINAL = "PreserveOriginal";

    @JsonProperty("insecure")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean insecure;
    @JsonProperty("scheduled")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean scheduled;
    @JsonProperty("importMode")
    @JsonInclude(Include.NON_EMPTY)
    private String importMode;

    public TagImportPolicy() {
    }

    public static TagImportPolicy of(boolean insecure, boolean scheduled, String importMode) {
        TagImportPolicy policy = new TagImportPolicy();
        policy.setInsecure(insecure);
        policy.setScheduled(scheduled);
        policy.setImportMode(importMode);
        return policy;
    }

    public boolean isInsecure() {
        return insecure;
    }

    public void setInsecure(boolean insecure) {
        this.insecure = insecure;
    }

    public boolean isScheduled() {
        return scheduled;
    }

    public void setScheduled(boolean scheduled) {
        this.scheduled = scheduled;
    }

    public String getImportMode() {
        return importMode;
    }

    public void setImportMode(String importMode) {
        this.importMode = importMode;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TagImportPolicy other
                && insecure == other.insecure
                && scheduled == other.scheduled
                && Objects.equals(importMode, other.importMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(insecure, scheduled, importMode);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
