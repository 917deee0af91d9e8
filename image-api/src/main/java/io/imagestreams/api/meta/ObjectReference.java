package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** Kubernetes {@code corev1.ObjectReference}; every field is {@code omitempty}. */
@JsonInclude(Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"})
public class ObjectReference {

    @JsonProperty("kind")
    private String kind;
    @JsonProperty("namespace")
    private String namespace;
    @JsonProperty("name")
    private String name;
    @JsonProperty("uid")
    private String uid;
    @JsonProperty("apiVersion")
    private String apiVersion;
    @JsonProperty("resourceVersion")
    private String resourceVersion;
    @JsonProperty("fieldPath")
    private String fieldPath;

    public ObjectReference() {
    }

    public static ObjectReference of(String kind, String name) {
        ObjectReference reference = new ObjectReference();
        reference.setKind(kind);
        reference.setName(name);
        return reference;
    }

    public ObjectReference withNamespace(String namespace) {
        setNamespace(namespace);
        return this;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getResourceVersion() {
        return resourceVersion;
    }

    public void setResourceVersion(String resourceVersion) {
        this.resourceVersion = resourceVersion;
    }

    public String getFieldPath() {
        return fieldPath;
    }

    public void setFieldPath(String fieldPath) {
        this.fieldPath = fieldPath;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectReference other
                && Objects.equals(kind, other.kind)
                && Objects.equals(namespace, other.namespace)
                && Objects.equals(name, other.name)
                && Objects.equals(uid, other.uid)
                && Objects.equals(apiVersion, other.apiVersion)
                && Objects.equals(resourceVersion, other.resourceVersion)
                && Objects.equals(fieldPath, other.fieldPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
