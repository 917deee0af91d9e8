package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.KubernetesObject;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.Objects;

/**
 * Tags an image into a stream, as the registry does after a push; metadata names the stream. {@code image} and
 * {@code tag} are always written.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "image", "tag"})
public class ImageStreamMapping extends KubernetesObject {

    @JsonProperty("image")
    private Image image = new Image();
    @JsonProperty("tag")
    private String tag = "";

    public ImageStreamMapping() {
    }

    /** A top-level mapping ({@code kind} and {@code apiVersion} set) of {@code image} to {@code stream:tag}. */
    public static ImageStreamMapping of(String namespace, String stream, String tag, Image image) {
        ImageStreamMapping mapping = new ImageStreamMapping().withTypeMeta();
        mapping.setMetadata(ObjectMeta.of(namespace, stream));
        mapping.setTag(tag);
        mapping.setImage(image);
        return mapping;
    }

    /** Sets {@code kind: ImageStreamMapping} and {@code apiVersion: image.openshift.io/v1}. */
    public ImageStreamMapping withTypeMeta() {
        setTypeMeta(ImageApi.KIND_IMAGE_STREAM_MAPPING, ImageApi.API_VERSION);
        return this;
    }

    public Image getImage() {
        return image;
    }

    public void setImage(Image image) {
        this.image = image == null ? new Image() : image;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = Objects.requireNonNullElse(tag, "");
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamMapping other
                && typeAndMetadataEqual(other)
                && image.equals(other.image)
                && tag.equals(other.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeAndMetadataHash(), image, tag);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
