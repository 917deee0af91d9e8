package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ObjectReference;
import java.util.Objects;

/** A request to import the tags of a whole repository ({@code from} is a repository without tag or digest). */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"from", "importPolicy", "referencePolicy", "includeManifest"})
public class RepositoryImportSpec {

    @JsonProperty("from")
    private ObjectReference from = new ObjectReference();
    @JsonProperty("importPolicy")
    private TagImportPolicy importPolicy = new TagImportPolicy();
    @JsonProperty("referencePolicy")
    private TagReferencePolicy referencePolicy = new TagReferencePolicy();
    @JsonProperty("includeManifest")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean includeManifest;

    public RepositoryImportSpec() {
    }

    public static RepositoryImportSpec fromDockerImage(String repository) {
        RepositoryImportSpec spec = new RepositoryImportSpec();
        spec.setFrom(ObjectReference.of(ImageApi.KIND_DOCKER_IMAGE, repository));
        return spec;
    }

    public ObjectReference getFrom() {
        return from;
    }

    public void setFrom(ObjectReference from) {
        this.from = from == null ? new ObjectReference() : from;
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
        return this == o || o instanceof RepositoryImportSpec other
                && from.equals(other.from)
                && importPolicy.equals(other.importPolicy)
                && referencePolicy.equals(other.referencePolicy)
                && includeManifest == other.includeManifest;
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, importPolicy, referencePolicy, includeManifest);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
