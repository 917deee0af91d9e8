package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.json.Rfc3339Time;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tag's history. All four fields are always written; {@code image} is the image name (its
 * digest) and is {@code ""} for {@code reference: true} tags.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"created", "dockerImageReference", "image", "generation"})
public class TagEvent {

    @JsonProperty("created")
    @Rfc3339Time
    private Instant created;
    @JsonProperty("dockerImageReference")
    private String dockerImageReference = "";
    @JsonProperty("image")
    private String image = "";
    @JsonProperty("generation")
    private long generation;

    public TagEvent() {
    }

    public static TagEvent of(Instant created, String dockerImageReference, String image, long generation) {
        TagEvent event = new TagEvent();
        event.setCreated(created);
        event.setDockerImageReference(dockerImageReference);
        event.setImage(image);
        event.setGeneration(generation);
        return event;
    }

    public Instant getCreated() {
        return created;
    }

    public void setCreated(Instant created) {
        this.created = created;
    }

    public String getDockerImageReference() {
        return dockerImageReference;
    }

    public void setDockerImageReference(String dockerImageReference) {
        this.dockerImageReference = Objects.requireNonNullElse(dockerImageReference, "");
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = Objects.requireNonNullElse(image, "");
    }

    public long getGeneration() {
        return generation;
    }

    public void setGeneration(long generation) {
        this.generation = generation;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TagEvent other
                && Objects.equals(created, other.created)
                && dockerImageReference.equals(other.dockerImageReference)
                && image.equals(other.image)
                && generation == other.generation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, dockerImageReference, image, generation);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
