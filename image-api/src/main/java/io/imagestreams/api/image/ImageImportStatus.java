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

/**
 * The outcome of importing one image. {@code status} is always written, without {@code kind}/{@code apiVersion}
 * as the importer embeds it; {@code manifests} holds the children of a manifest list imported whole.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"status", "image", "tag", "manifests"})
public class ImageImportStatus {

    @JsonProperty("status")
    private Status status = new Status();
    @JsonProperty("image")
    @JsonInclude(Include.NON_NULL)
    private Image image;
    @JsonProperty("tag")
    @JsonInclude(Include.NON_EMPTY)
    private String tag;
    @JsonProperty("manifests")
    @JsonInclude(Include.NON_EMPTY)
    private List<Image> manifests = new ArrayList<>();

    public ImageImportStatus() {
    }

    /** A successful import of {@code image} found under {@code tag} (may be {@code null} for digests). */
    public static ImageImportStatus succeeded(Image image, String tag) {
        ImageImportStatus result = new ImageImportStatus();
        result.setStatus(Status.success().withoutTypeMeta());
        result.setImage(image);
        result.setTag(tag);
        return result;
    }

    /** A failed import; the status is embedded without type metadata. */
    public static ImageImportStatus failed(Status failure) {
        ImageImportStatus result = new ImageImportStatus();
        result.setStatus(failure.withoutTypeMeta());
        return result;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status == null ? new Status() : status;
    }

    public Image getImage() {
        return image;
    }

    public void setImage(Image image) {
        this.image = image;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public List<Image> getManifests() {
        return manifests;
    }

    public void setManifests(List<Image> manifests) {
        this.manifests = manifests == null ? new ArrayList<>() : new ArrayList<>(manifests);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageImportStatus other
                && status.equals(other.status)
                && Objects.equals(image, other.image)
                && Objects.equals(tag, other.tag)
                && manifests.equals(other.manifests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, image, tag, manifests);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
