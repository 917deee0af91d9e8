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

/** The observed tags of a stream. {@code dockerImageRepository} is always written, {@code ""} if unknown. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"dockerImageRepository", "publicDockerImageRepository", "tags"})
public class ImageStreamStatus {

    @JsonProperty("dockerImageRepository")
    private String dockerImageRepository = "";
    @JsonProperty("publicDockerImageRepository")
    @JsonInclude(Include.NON_EMPTY)
    private String publicDockerImageRepository;
    @JsonProperty("tags")
    @JsonInclude(Include.NON_EMPTY)
    private List<NamedTagEventList> tags = new ArrayList<>();

    /** The history of {@code tag}; the last one wins if the list holds it twice, as on the server. */
    public Optional<NamedTagEventList> findTag(String tag) {
        NamedTagEventList found = null;
        for (NamedTagEventList history : tags) {
            if (history.getTag().equals(tag)) {
                found = history;
            }
        }
        return Optional.ofNullable(found);
    }

    public String getDockerImageRepository() {
        return dockerImageRepository;
    }

    public void setDockerImageRepository(String dockerImageRepository) {
        this.dockerImageRepository = Objects.requireNonNullElse(dockerImageRepository, "");
    }

    public String getPublicDockerImageRepository() {
        return publicDockerImageRepository;
    }

    public void setPublicDockerImageRepository(String publicDockerImageRepository) {
        this.publicDockerImageRepository = publicDockerImageRepository;
    }

    /** Never {@code null}, and changes write through. */
    public List<NamedTagEventList> getTags() {
        return tags;
    }

    public void setTags(List<NamedTagEventList> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamStatus other
                && dockerImageRepository.equals(other.dockerImageRepository)
                && Objects.equals(publicDockerImageRepository, other.publicDockerImageRepository)
                && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dockerImageRepository, publicDockerImageRepository, tags);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
