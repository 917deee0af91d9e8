package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ObjectReference;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A spec tag. {@code annotations} and {@code generation} have no {@code omitempty} in Go, so they are written as
 * {@code null} when unset; {@code importPolicy} and {@code referencePolicy} are values and always written.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "annotations", "from", "reference", "generation", "importPolicy", "referencePolicy"})
public class TagReference {

    @JsonProperty("name")
    private String name = "";
    @JsonProperty("annotations")
    private SortedMap<String, String> annotations;
    @JsonProperty("from")
    @JsonInclude(Include.NON_NULL)
    private ObjectReference from;
    @JsonProperty("reference")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean reference;
    @JsonProperty("generation")
    private Long generation;
    @JsonProperty("importPolicy")
    private TagImportPolicy importPolicy = new TagImportPolicy();
    @JsonProperty("referencePolicy")
    private TagReferencePolicy referencePolicy = new TagReferencePolicy();

    public TagReference() {
    }

    public static TagReference named(String name) {
        TagReference tag = new TagReference();
        tag.setName(name);
        return tag;
    }

    /** Tracks or copies an image from a registry: {@code from: {kind: DockerImage, name: <pullSpec>}}. */
    public TagReference fromDockerImage(String pullSpec) {
        return from(ImageApi.KIND_DOCKER_IMAGE, pullSpec);
    }

    /** Points at another tag: {@code <tag>} of this stream or {@code <stream>:<tag>}. */
    public TagReference fromImageStreamTag(String streamTag) {
        return from(ImageApi.KIND_IMAGE_STREAM_TAG, streamTag);
    }

    /** Pins an image by digest: {@code <stream>@<digest>}. */
    public TagReference fromImageStreamImage(String streamImage) {
        return from(ImageApi.KIND_IMAGE_STREAM_IMAGE, streamImage);
    }

    public TagReference from(String kind, String name) {
        setFrom(ObjectReference.of(kind, name));
        return this;
    }

    public TagReference withGeneration(Long generation) {
        setGeneration(generation);
        return this;
    }

    public TagReference withAnnotation(String key, String value) {
        if (annotations == null) {
            annotations = new TreeMap<>();
        }
        annotations.put(key, value);
        return this;
    }

    public TagReference withReference(boolean reference) {
        setReference(reference);
        return this;
    }

    public TagReference withImportPolicy(TagImportPolicy importPolicy) {
        setImportPolicy(importPolicy);
        return this;
    }

    public TagReference withReferencePolicy(String type) {
        setReferencePolicy(new TagReferencePolicy(type));
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNullElse(name, "");
    }

    /** {@code null} when unset (written as {@code null}); otherwise sorted by key, and changes write through. */
    public SortedMap<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations == null ? null : new TreeMap<>(annotations);
    }

    public ObjectReference getFrom() {
        return from;
    }

    public void setFrom(ObjectReference from) {
        this.from = from;
    }

    public boolean isReference() {
        return reference;
    }

    public void setReference(boolean reference) {
        this.reference = reference;
    }

    public Long getGeneration() {
        return generation;
    }

    public void setGeneration(Long generation) {
        this.generation = generation;
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

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TagReference other
                && name.equals(other.name)
                && Objects.equals(annotations, other.annotations)
                && Objects.equals(from, other.from)
                && reference == other.reference
                && Objects.equals(generation, other.generation)
                && importPolicy.equals(other.importPolicy)
                && referencePolicy.equals(other.referencePolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, annotations, from, reference, generation, importPolicy, referencePolicy);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
