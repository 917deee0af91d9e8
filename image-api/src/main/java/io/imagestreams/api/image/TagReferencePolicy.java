package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** How pull specs for a tag are produced; {@code type} is always written, {@code ""} until defaulted. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TagReferencePolicy {

    /** Use the image's original location (the default). */
    public static final String SOURCE = "Source";
    /** Pull through the integrated registry: {@code <status.dockerImageRepository>@<digest>}. */
    public static final String LOCAL = "Local";

    @JsonProperty("type")
    private String type = "";

    public TagReferencePolicy() {
    }

    public TagReferencePolicy(String type) {
        setType(type);
    }

    public static TagReferencePolicy source() {
        return new TagReferencePolicy(SOURCE);
    }

    public static TagReferencePolicy local() {
        return new TagReferencePolicy(LOCAL);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = Objects.requireNonNullElse(type, "");
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TagReferencePolicy other && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
