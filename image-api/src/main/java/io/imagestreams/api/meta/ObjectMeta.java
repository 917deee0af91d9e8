package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.json.Rfc3339Time;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Kubernetes {@code metav1.ObjectMeta}. {@code selfLink} and {@code managedFields} are not modelled and are
 * dropped on input. Every field is {@code omitempty} except {@code creationTimestamp}: Go writes an unset
 * {@code metav1.Time} as {@code null}. Labels and annotations are kept sorted, as Go writes map keys.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "generateName", "namespace", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers"})
public class ObjectMeta {

    @JsonProperty("name")
    @JsonInclude(Include.NON_EMPTY)
    private String name;
    @JsonProperty("generateName")
    @JsonInclude(Include.NON_EMPTY)
    private String generateName;
    @JsonProperty("namespace")
    @JsonInclude(Include.NON_EMPTY)
    private String namespace;
    @JsonProperty("uid")
    @JsonInclude(Include.NON_EMPTY)
    private String uid;
    @JsonProperty("resourceVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String resourceVersion;
    @JsonProperty("generation")
    @JsonInclude(Include.NON_DEFAULT)
    private long generation;
    @JsonProperty("creationTimestamp")
    @Rfc3339Time
    private Instant creationTimestamp;
    @JsonProperty("deletionTimestamp")
    @JsonInclude(Include.NON_NULL)
    @Rfc3339Time
    private Instant deletionTimestamp;
    @JsonProperty("deletionGracePeriodSeconds")
    @JsonInclude(Include.NON_NULL)
    private Long deletionGracePeriodSeconds;
    @JsonProperty("labels")
    @JsonInclude(Include.NON_EMPTY)
    private SortedMap<String, String> labels = new TreeMap<>();
    @JsonProperty("annotations")
    @JsonInclude(Include.NON_EMPTY)
    private SortedMap<String, String> annotations = new TreeMap<>();
    @JsonProperty("ownerReferences")
    @JsonInclude(Include.NON_EMPTY)
    private List<OwnerReference> ownerReferences = new ArrayList<>();
    @JsonProperty("finalizers")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> finalizers = new ArrayList<>();

    public ObjectMeta() {
    }

    /** Metadata naming an object in a namespace; pass {@code null} as namespace for cluster-scoped objects. */
    public static ObjectMeta of(String namespace, String name) {
        ObjectMeta meta = new ObjectMeta();
        meta.setNamespace(namespace);
        meta.setName(name);
        return meta;
    }

    public ObjectMeta withUid(String uid) {
        setUid(uid);
        return this;
    }

    public ObjectMeta withResourceVersion(String resourceVersion) {
        setResourceVersion(resourceVersion);
        return this;
    }

    public ObjectMeta withGeneration(long generation) {
        setGeneration(generation);
        return this;
    }

    public ObjectMeta withCreationTimestamp(Instant creationTimestamp) {
        setCreationTimestamp(creationTimestamp);
        return this;
    }

    public ObjectMeta withLabel(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public ObjectMeta withAnnotation(String key, String value) {
        annotations.put(key, value);
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGenerateName() {
        return generateName;
    }

    public void setGenerateName(String generateName) {
        this.generateName = generateName;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getResourceVersion() {
        return resourceVersion;
    }

    public void setResourceVersion(String resourceVersion) {
        this.resourceVersion = resourceVersion;
    }

    public long getGeneration() {
        return generation;
    }

    public void setGeneration(long generation) {
        this.generation = generation;
    }

    public Instant getCreationTimestamp() {
        return creationTimestamp;
    }

    public void setCreationTimestamp(Instant creationTimestamp) {
        this.creationTimestamp = creationTimestamp;
    }

    public Instant getDeletionTimestamp() {
        return deletionTimestamp;
    }

    public void setDeletionTimestamp(Instant deletionTimestamp) {
        this.deletionTimestamp = deletionTimestamp;
    }

    public Long getDeletionGracePeriodSeconds() {
        return deletionGracePeriodSeconds;
    }

    public void setDeletionGracePeriodSeconds(Long deletionGracePeriodSeconds) {
        this.deletionGracePeriodSeconds = deletionGracePeriodSeconds;
    }

    /** The labels, sorted by key; never {@code null}, and changes write through. */
    public SortedMap<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    /** The annotations, sorted by key; never {@code null}, and changes write through. */
    public SortedMap<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations == null ? new TreeMap<>() : new TreeMap<>(annotations);
    }

    public List<OwnerReference> getOwnerReferences() {
        return ownerReferences;
    }

    public void setOwnerReferences(List<OwnerReference> ownerReferences) {
        this.ownerReferences = ownerReferences == null ? new ArrayList<>() : new ArrayList<>(ownerReferences);
    }

    public List<String> getFinalizers() {
        return finalizers;
    }

    public void setFinalizers(List<String> finalizers) {
        this.finalizers = finalizers == null ? new ArrayList<>() : new ArrayList<>(finalizers);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectMeta other
                && Objects.equals(name, other.name)
                && Objects.equals(generateName, other.generateName)
                && Objects.equals(namespace, other.namespace)
                && Objects.equals(uid, other.uid)
                && Objects.equals(resourceVersion, other.resourceVersion)
                && generation == other.generation
                && Objects.equals(creationTimestamp, other.creationTimestamp)
                && Objects.equals(deletionTimestamp, other.deletionTimestamp)
                && Objects.equals(deletionGracePeriodSeconds, other.deletionGracePeriodSeconds)
                && labels.equals(other.labels)
                && annotations.equals(other.annotations)
                && ownerReferences.equals(other.ownerReferences)
                && finalizers.equals(other.finalizers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
