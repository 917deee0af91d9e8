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

/** An image stream. {@code spec} and {@code status} are Go values and always written. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public class ImageStream extends KubernetesObject {

    @JsonProperty("spec")
    private ImageStreamSpec spec = new ImageStreamSpec();
    @JsonProperty("status")
    private ImageStreamStatus status = new ImageStreamStatus();

    public ImageStream() {
    }

    /** A top-level stream ({@code kind} and {@code apiVersion} set) named {@code namespace/name}. */
    public static ImageStream of(String namespace, String name) {
        ImageStream stream = new ImageStream().withTypeMeta();
        stream.setMetadata(ObjectMeta.of(namespace, name));
        return stream;
    }

    /** Sets {@code kind: ImageStream} and {@code apiVersion: image.openshift.io/v1}. */
    public ImageStream withTypeMeta() {
        setTypeMeta(ImageApi.KIND_IMAGE_STREAM, ImageApi.API_VERSION);
        return this;
    }

    public ImageStream withSpecTag(TagReference tag) {
        spec.getTags().add(tag);
        return this;
    }

    public ImageStream withStatusTag(NamedTagEventList history) {
        status.getTags().add(history);
        return this;
    }

    public ImageStreamSpec getSpec() {
        return spec;
    }

    public void setSpec(ImageStreamSpec spec) {
        this.spec = spec == null ? new ImageStreamSpec() : spec;
    }

    public ImageStreamStatus getStatus() {
        return status;
    }

    public void setStatus(ImageStreamStatus status) {
        this.status = status == null ? new ImageStreamStatus() : status;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStream other
                && typeAndMetadataEqual(other)
                && spec.equals(other.spec)
                && status.equals(other.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeAndMetadataHash(), spec, status);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
