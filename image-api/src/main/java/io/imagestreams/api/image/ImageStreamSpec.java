package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The desired tags of a stream. {@code lookupPolicy} is always written; an empty tag list is omitted. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"lookupPolicy", "dockerImageRepository", "tags"})
public class ImageStreamSpec {

    @JsonProperty("lookupPolicy")
    private ImageLookupPolicy lookupPolicy = new ImageLookupPolicy();
    @JsonProperty("dockerImageRepository")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerImageRepository;
    @JsonProperty("tags")
    @JsonInclude(Include.NON_EMPTY)
    private List<TagReference> tags = new ArrayList<>();

    /** The spec tag called {@code name}; the last one wins if the list holds it twice, as on the server. */
    public Optional<TagReference> findTag(String name) {
        TagReference found = null;
        for (TagReference tag : tags) {
            if (tag.getName().equals(name)) {
                found = tag;
            }
        }
        return Optional.ofNullable(found);
    }

    public ImageLookupPolicy getLookupPolicy() {
        return lookupPolicy;
    }

    public void setLookupPolicy(ImageLookupPolicy lookupPolicy) {
        this.lookupPolicy = lookupPolicy == null ? new ImageLookupPolicy() : lookupPolicy;
    }

    /** Deprecated in OpenShift 3.7, still honoured: a whole repository to import. */
    public String getDockerImageRepository() {
        return dockerImageRepository;
    }

    public void setDockerImageRepository(String dockerImageRepository) {
        this.dockerImageRepository = dockerImageRepository;
    }

    /** Never {@code null}, and changes write through. */
    public List<TagReference> getTags() {
        return tags;
    }

    public void setTags(List<TagReference> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamSpec other
                && lookupPolicy.equals(other.lookupPolicy)
                && Objects.equals(dockerImageRepository, other.dockerImageRepository)
                && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lookupPolicy, dockerImageRepository, tags);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
