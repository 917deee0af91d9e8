package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** One layer blob of an image; all fields are always written. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "size", "mediaType"})
public class ImageLayer {

    @JsonProperty("name")
    private String name = "";
    @JsonProperty("size")
    private long size;
    @JsonProperty("mediaType")
    private String mediaType = "";

    public ImageLayer() {
    }

    public ImageLayer(String name, long size, String mediaType) {
        setName(name);
        setSize(size);
        setMediaType(mediaType);
    }

    /** The layer digest. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNullElse(name, "");
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = Objects.requireNonNullElse(mediaType, "");
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageLayer other
                && name.equals(other.name)
                && size == other.size
                && mediaType.equals(other.mediaType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, size, mediaType);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
