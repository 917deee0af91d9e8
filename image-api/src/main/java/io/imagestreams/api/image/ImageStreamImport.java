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

/** A request to import images into the stream it names, answered with its {@code status} filled in. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public class ImageStreamImport extends KubernetesObject {

    @JsonProperty("spec")
    private ImageStreamImportSpec spec = new ImageStreamImportSpec();
    @JsonProperty("status")
    private ImageStreamImportStatus status = new ImageStreamImportStatus();

    public ImageStreamImport() {
    }

    /** A top-level import ({@code kind} and {@code apiVersion} set) for stream {@code namespace/name}. */
    public static ImageStreamImport of(String namespace, String name, boolean importImages) {
        ImageStreamImport request = new ImageStreamImport().withTypeMeta();
        request.setMetadata(ObjectMeta.of(namespace, name));
        request.getSpec().setImport(importImages);
        return request;
    }

    /** Sets {@code kind: ImageStreamImport} and {@code apiVersion: image.openshift.io/v1}. */
    public ImageStreamImport withTypeMeta() {
        setTypeMeta(ImageApi.KIND_IMAGE_STREAM_IMPORT, ImageApi.API_VERSION);
        return this;
    }

    public ImageStreamImport withImage(ImageImportSpec image) {
        spec.getImages().add(image);
        return this;
    }

    public ImageStreamImportSpec getSpec() {
        return spec;
    }

    public void setSpec(ImageStreamImportSpec spec) {
        this.spec = spec == null ? new ImageStreamImportSpec() : spec;
    }

    public ImageStreamImportStatus getStatus() {
        return status;
    }

    public void setStatus(ImageStreamImportStatus status) {
        this.status = status == null ? new ImageStreamImportStatus() : status;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamImport other
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
