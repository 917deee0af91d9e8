package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The outcome of a repository import; {@code additionalTags} lists the tags left out by the cap. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"status", "images", "additionalTags"})
public class RepositoryImportStatus {

    @JsonProperty("status")
    private Status status = new Status();
    @JsonProperty("images")
    @JsonInclude(Include.NON_EMPTY)
    private List<ImageImportStatus> images = new ArrayList<>();
    @JsonProperty("additionalTags")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> additionalTags = new ArrayList<>();

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status == null ? new Status() : status;
    }

    public List<ImageImportStatus> getImages() {
        return images;
    }

    public void setImages(List<ImageImportStatus> images) {
        this.images = images == null ? new ArrayList<>() : new ArrayList<>(images);
    }

    public List<String> getAdditionalTags() {
        return additionalTags;
    }

    public void setAdditionalTags(List<String> additionalTags) {
        this.additionalTags = additionalTags == null ? new ArrayList<>() : new ArrayList<>(additionalTags);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RepositoryImportStatus other
                && status.equals(other.status)
                && images.equals(other.images)
                && additionalTags.equals(other.additionalTags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, images, additionalTags);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
