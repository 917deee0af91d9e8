package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An object with type and object metadata. {@code kind} and {@code apiVersion} are {@code omitempty} and start
 * unset, because OpenShift leaves them out where an object is embedded (an {@code Image} inside an
 * {@code ImageStreamTag}) or listed; the subclasses' factories set them for top-level use.
 */
@JsonInclude(Include.ALWAYS)
public abstract class KubernetesObject {

    @JsonProperty("kind")
    @JsonInclude(Include.NON_EMPTY)
    private String kind;
    @JsonProperty("apiVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String apiVersion;
    @JsonProperty("metadata")
    private ObjectMeta metadata = new ObjectMeta();

    protected KubernetesObject() {
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** Never {@code null}: Go's {@code ObjectMeta} is a value, written as {@code {}} when empty. */
    public ObjectMeta getMetadata() {
        return metadata;
    }

    public void setMetadata(ObjectMeta metadata) {
        this.metadata = metadata == null ? new ObjectMeta() : metadata;
    }

    protected void setTypeMeta(String kind, String apiVersion) {
        this.kind = kind;
        this.apiVersion = apiVersion;
    }

    protected boolean typeAndMetadataEqual(KubernetesObject other) {
        return Objects.equals(kind, other.kind)
                && Objects.equals(apiVersion, other.apiVersion)
                && metadata.equals(other.metadata);
    }

    protected int typeAndMetadataHash() {
        return Objects.hash(kind, apiVersion, metadata);
    }
}
