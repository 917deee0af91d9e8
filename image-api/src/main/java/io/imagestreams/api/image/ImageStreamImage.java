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

/** An image of a stream's history, named {@code <stream>@<digest>}; {@code image} is always written. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "image"})
public class ImageStreamImage extends KubernetesObject {

    @JsonProperty("image")
    private Image image = new Image();

    public ImageStreamImage() {
    }

    /** A top-level isimage ({@code kind} and {@code apiVersion} set) named {@code <stream>@<id>}. */
    public static ImageStreamImage of(String namespace, String stream, String id) {
        ImageStreamImage isimage = new ImageStreamImage().withTypeMeta();
        isimage.setMetadata(ObjectMeta.of(namespace, stream + "@" + id));
        return isimage;
    }

    /** Sets {@code kind: ImageStreamImage} and {@code apiVersion: image.openshift.io/v1}. */
    public ImageStreamImage withTypeMeta() {
        setTypeMeta(ImageApi.KIND_IMAGE_STREAM_IMAGE, ImageApi.API_VERSION);
        return this;
    }

    public Image getImage() {
        return image;
    }

    public void setImage(Image image) {
        this.image = image == null ? new Image() : image;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamImage other
                && typeAndMetadataEqual(other)
                && image.equals(other.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeAndMetadataHash(), image);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
