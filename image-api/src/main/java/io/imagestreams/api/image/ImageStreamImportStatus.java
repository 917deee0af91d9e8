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

/**
 * The outcome of an import: the updated stream under {@code import}, and per-image results index-aligned with
 * {@code spec.images}. Every field is {@code omitempty}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"import", "repository", "images"})
public class ImageStreamImportStatus {

    private ImageStream importedStream;
    @JsonProperty("repository")
    @JsonInclude(Include.NON_NULL)
    private RepositoryImportStatus repository;
    @JsonProperty("images")
    @JsonInclude(Include.NON_EMPTY)
    private List<ImageImportStatus> images = new ArrayList<>();

    /** The stream as written by the import; {@code null} for a dry run. */
    @JsonProperty("import")
    @JsonInclude(Include.NON_NULL)
    public ImageStream getImport() {
        return importedStream;
    }

    @JsonProperty("import")
    public void setImport(ImageStream importedStream) {
        this.importedStream = importedStream;
    }

    public RepositoryImportStatus getRepository() {
        return repository;
    }

    public void setRepository(RepositoryImportStatus repository) {
        this.repository = repository;
    }

    public List<ImageImportStatus> getImages() {
        return images;
    }

    public void setImages(List<ImageImportStatus> images) {
        this.images = images == null ? new ArrayList<>() : new ArrayList<>(images);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamImportStatus other
                && Objects.equals(importedStream, other.importedStream)
                && Objects.equals(repository, other.repository)
                && images.equals(other.images);
    }

    @Override
    public int hashCode() {
        return Objects.hash(importedStream, repository, images);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
