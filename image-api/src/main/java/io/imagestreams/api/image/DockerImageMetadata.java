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
 * The docker "1.0" image JSON OpenShift serves in {@code Image.dockerImageMetadata} ({@code docker10.DockerImage}),
 * with Go's capitalised field names and {@code kind: DockerImage}, {@code apiVersion: image.openshift.io/1.0}.
 * {@code Id} and {@code ContainerConfig} are always written, an unset {@code Created} as {@code null}.
 * {@code Os} and {@code Variant} are not in OpenShift's type: they are written only when set.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "Id", "Parent", "Comment", "Created", "Container", "ContainerConfig",
        "DockerVersion", "Author", "Config", "Architecture", "Os", "Variant", "Size"})
public class DockerImageMetadata {

    public static final String KIND = "DockerImage";

    @JsonProperty("kind")
    @JsonInclude(Include.NON_EMPTY)
    private String kind = KIND;
    @JsonProperty("apiVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String apiVersion = ImageApi.DOCKER_IMAGE_METADATA_API_VERSION;
    @JsonProperty("Id")
    private String id = "";
    @JsonProperty("Parent")
    @JsonInclude(Include.NON_EMPTY)
    private String parent;
    @JsonProperty("Comment")
    @JsonInclude(Include.NON_EMPTY)
    private String comment;
    @JsonProperty("Created")
    @Rfc3339Time
    private Instant created;
    @JsonProperty("Container")
    @JsonInclude(Include.NON_EMPTY)
    private String container;
    @JsonProperty("ContainerConfig")
    private DockerConfig containerConfig = new DockerConfig();
    @JsonProperty("DockerVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerVersion;
    @JsonProperty("Author")
    @JsonInclude(Include.NON_EMPTY)
    private String author;
    @JsonProperty("Config")
    @JsonInclude(Include.NON_NULL)
    private DockerConfig config;
    @JsonProperty("Architecture")
    @JsonInclude(Include.NON_EMPTY)
    private String architecture;
    @JsonProperty("Os")
    @JsonInclude(Include.NON_EMPTY)
    private String os;
    @JsonProperty("Variant")
    @JsonInclude(Include.NON_EMPTY)
    private String variant;
    @JsonProperty("Size")
    @JsonInclude(Include.NON_DEFAULT)
    private long size;

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

    /** The image (config) ID. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = Objects.requireNonNullElse(id, "");
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Instant getCreated() {
        return created;
    }

    public void setCreated(Instant created) {
        this.created = created;
    }

    public String getContainer() {
        return container;
    }

    public void setContainer(String container) {
        this.container = container;
    }

    public DockerConfig getContainerConfig() {
        return containerConfig;
    }

    public void setContainerConfig(DockerConfig containerConfig) {
        this.containerConfig = containerConfig == null ? new DockerConfig() : containerConfig;
    }

    public String getDockerVersion() {
        return dockerVersion;
    }

    public void setDockerVersion(String dockerVersion) {
        this.dockerVersion = dockerVersion;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public DockerConfig getConfig() {
        return config;
    }

    public void setConfig(DockerConfig config) {
        this.config = config;
    }

    public String getArchitecture() {
        return architecture;
    }

    public void setArchitecture(String architecture) {
        this.architecture = architecture;
    }

    public String getOs() {
        return os;
    }

    public void setOs(String os) {
        this.os = os;
    }

    public String getVariant() {
        return variant;
    }

    public void setVariant(String variant) {
        this.variant = variant;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DockerImageMetadata other
                && Objects.equals(kind, other.kind)
                && Objects.equals(apiVersion, other.apiVersion)
                && id.equals(other.id)
                && Objects.equals(parent, other.parent)
                && Objects.equals(comment, other.comment)
                && Objects.equals(created, other.created)
                && Objects.equals(container, other.container)
                && containerConfig.equals(other.containerConfig)
                && Objects.equals(dockerVersion, other.dockerVersion)
                && Objects.equals(author, other.author)
                && Objects.equals(config, other.config)
                && Objects.equals(architecture, other.architecture)
                && Objects.equals(os, other.os)
                && Objects.equals(variant, other.variant)
                && size == other.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, apiVersion, id, parent, comment, created, container, containerConfig, dockerVersion,
                author, config, architecture, os, variant, size);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
