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

/** What to import; {@code import} (false = dry run) is always written. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"import", "repository", "images"})
public class ImageStreamImportSpec {

    private boolean importImages;
    @JsonProperty("repository")
    @JsonInclude(Include.NON_NULL)
    private RepositoryImportSpec repository;
    @JsonProperty("images")
    @JsonInclude(Include.NON_EMPTY)
    private List<ImageImportSpec> images = new ArrayList<>();

    /** Whether to write the results into the stream; {@code false} only looks the images up. */
    @JsonProperty("import")
    public boolean isImport() {
        return importImages;
    }

    @JsonProperty("import")
    public void setImport(boolean importImages) {
        this.importImages = importImages;
    }

    public RepositoryImportSpec getRepository() {
        return repository;
    }

    public void setRepository(RepositoryImportSpec repository) {
        this.repository = repository;
    }

    /** Never {@code null}, and changes write through. */
    public List<ImageImportSpec> getImages() {
        return images;
    }

    public void setImages(List<ImageImportSpec> images) {
        this.images = images == null ? new ArrayList<>() : new ArrayList<>(images);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamImportSpec other
                && importImages == other.importImages
                && Objects.equals(repository, other.repository)
                && images.equals(other.images);
    }

    @Override
    public int hashCode() {
        return Objects.hash(importImages, repository, images);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
