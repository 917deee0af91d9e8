package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** Kubernetes {@code metav1.OwnerReference}. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"})
public class OwnerReference {

    @JsonProperty("apiVersion")
    private String apiVersion = "";
    @JsonProperty("kind")
    private String kind = "";
    @JsonProperty("name")
    private String name = "";
    @JsonProperty("uid")
    private String uid = "";
    @JsonProperty("controller")
    @JsonInclude(Include.NON_NULL)
    private Boolean controller;
    @JsonProperty("blockOwnerDeletion")
    @JsonInclude(Include.NON_NULL)
    private Boolean blockOwnerDeletion;

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = Objects.requireNonNullElse(apiVersion, "");
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = Objects.requireNonNullElse(kind, "");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNullElse(name, "");
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = Objects.requireNonNullElse(uid, "");
    }

    public Boolean getController() {
        return controller;
    }

    public void setController(Boolean controller) {
        this.controller = controller;
    }

    public Boolean getBlockOwnerDeletion() {
        return blockOwnerDeletion;
    }

    public void setBlockOwnerDeletion(Boolean blockOwnerDeletion) {
        this.blockOwnerDeletion = blockOwnerDeletion;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof OwnerReference other
                && apiVersion.equals(other.apiVersion)
                && kind.equals(other.kind)
                && name.equals(other.name)
                && uid.equals(other.uid)
                && Objects.equals(controller, other.controller)
                && Objects.equals(blockOwnerDeletion, other.blockOwnerDeletion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiVersion, kind, name, uid, controller, blockOwnerDeletion);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
