package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.LocalObjectReference;
import io.imagestreams.api.meta.ObjectReference;
import java.util.Objects;

/** A request to import one image; {@code to} names the target tag, absent for a pure lookup. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"from", "to", "importPolicy", "referencePolicy", "includeManifest"})
public class ImageImportSpec {

    @JsonProperty("from")
    private ObjectReference from = new ObjectReference();
    @JsonProperty("to")
    @JsonInclude(Include.NON_NULL)
    private LocalObjectReference to;
    @JsonProperty("importPolicy")
    private TagImportPolicy importPolicy = new TagImportPolicy();
    @JsonProperty("referencePolicy")
    private TagReferencePolicy referencePolicy = new TagReferencePolicy();
    @JsonProperty("includeManifest")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean includeManifest;

    public ImageImportSpec() {
    }

    public static ImageImportSpec fromDockerImage(String pullSpec) {
        ImageImportSpec spec = new ImageImportSpec();
        spec.setFrom(ObjectReference.of(ImageApi.KIND_DOCKER_IMAGE, pullSpec));
        return spec;
    }

    public ImageImportSpec to(String tag) {
        setTo(new LocalObjectReference(tag));
        return this;
    }

    public ImageImportSpec withImportPolicy(TagImportPolicy importPolicy) {
        setImportPolicy(importPolicy);
        return this;
    }

    public ImageImportSpec withReferencePolicy(String type) {
        setReferencePolicy(new TagReferencePolicy(type));
        return this;
    }

    public ObjectReference getFrom() {
        return from;
    }

    public void setFrom(ObjectReference from) {
        this.from = from == null ? new ObjectReference() : from;
    }

    public LocalObjectReference getTo() {
        return to;
    }

    public void setTo(LocalObjectReference to) {
        this.to = to;
    }

    public TagImportPolicy getImportPolicy() {
        return importPolicy;
    }

    public void setImportPolicy(TagImportPolicy importPolicy) {
        this.importPolicy = importPolicy == null ? new TagImportPolicy() : importPolicy;
    }

    public TagReferencePolicy getReferencePolicy() {
        return referencePolicy;
    }

    public void setReferencePolicy(TagReferencePolicy referencePolicy) {
        this.referencePolicy = referencePolicy == null ? new TagReferencePolicy() : referencePolicy;
    }

    public boolean isIncludeManifest() {
        return includeManifest;
    }

    public void setIncludeManifest(boolean includeManifest) {
        this.includeManifest = includeManifest;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageImportSpec other
                && from.equals(other.from)
                && Objects.equals(to, other.to)
                && importPolicy.equals(other.importPolicy)
                && referencePolicy.equals(other.referencePolicy)
                && includeManifest == other.includeManifest;
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, importPolicy, referencePolicy, includeManifest);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
