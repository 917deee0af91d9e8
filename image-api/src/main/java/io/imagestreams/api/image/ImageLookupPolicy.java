package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.imagestreams.api.json.ImageApiJson;

/** Whether short image names in the namespace resolve to this stream; {@code local} is always written. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageLookupPolicy {

    @JsonProperty("local")
    private boolean local;

    public ImageLookupPolicy() {
    }

    public ImageLookupPolicy(boolean local) {
        this.local = local;
    }

    public boolean isLocal() {
        return local;
    }

    public void setLocal(boolean local) {
        this.local = local;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageLookupPolicy other && local == other.local;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(local);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
