package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.KubernetesObject;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An image, named by its manifest digest. {@code dockerImageMetadata} is a Go {@code RawExtension}, written as
 * {@code null} when unset (OpenShift always sets it). {@code signatures} are kept as opaque JSON.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "dockerImageReference", "dockerImageMetadata",
        "dockerImageMetadataVersion", "dockerImageManifest", "dockerImageLayers", "signatures",
        "dockerImageSignatures", "dockerImageManifestMediaType", "dockerImageConfig", "dockerImageManifests"})
public class Image extends KubernetesObject {

    @JsonProperty("dockerImageReference")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerImageReference;
    @JsonProperty("dockerImageMetadata")
    private DockerImageMetadata dockerImageMetadata;
    @JsonProperty("dockerImageMetadataVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerImageMetadataVersion;
    @JsonProperty("dockerImageManifest")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerImageManifest;
    @JsonProperty("dockerImageLayers")
    @JsonInclude(Include.NON_EMPTY)
    private List<ImageLayer> dockerImageLayers = new ArrayList<>();
    @JsonProperty("signatures")
    @JsonInclude(Include.NON_EMPTY)
    private List<JsonNode> signatures = new ArrayList<>();
    @JsonProperty("dockerImageSignatures")
    @JsonInclude(Include.NON_EMPTY)
    private List<byte[]> dockerImageSignatures = new ArrayList<>();
    @JsonProperty("dockerImageManifestMediaType")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerImageManifestMediaType;
    @JsonProperty("dockerImageConfig")
    @JsonInclude(Include.NON_EMPTY)
    private String dockerImageConfig;
    @JsonProperty("dockerImageManifests")
    @JsonInclude(Include.NON_EMPTY)
    private List<ImageManifest> dockerImageManifests = new ArrayList<>();

    public Image() {
    }

    /** A top-level image ({@code kind} and {@code apiVersion} set) named by its digest. */
    public static Image named(String digest) {
        Image image = new Image().withTypeMeta();
        image.setMetadata(ObjectMeta.of(null, digest));
        return image;
    }

    /** Sets {@code kind: Image} and {@code apiVersion: image.openshift.io/v1}. */
    public Image withTypeMeta() {
        setTypeMeta(ImageApi.KIND_IMAGE, ImageApi.API_VERSION);
        return this;
    }

    public Image withDockerImageReference(String dockerImageReference) {
        setDockerImageReference(dockerImageReference);
        return this;
    }

    public String getDockerImageReference() {
        return dockerImageReference;
    }

    public void setDockerImageReference(String dockerImageReference) {
        this.dockerImageReference = dockerImageReference;
    }

    public DockerImageMetadata getDockerImageMetadata() {
        return dockerImageMetadata;
    }

    public void setDockerImageMetadata(DockerImageMetadata dockerImageMetadata) {
        this.dockerImageMetadata = dockerImageMetadata;
    }

    /** {@code ""} means {@code 1.0}. */
    public String getDockerImageMetadataVersion() {
        return dockerImageMetadataVersion;
    }

    public void setDockerImageMetadataVersion(String dockerImageMetadataVersion) {
        this.dockerImageMetadataVersion = dockerImageMetadataVersion;
    }

    public String getDockerImageManifest() {
        return dockerImageManifest;
    }

    public void setDockerImageManifest(String dockerImageManifest) {
        this.dockerImageManifest = dockerImageManifest;
    }

    /** Base layer first; empty for manifest lists. */
    public List<ImageLayer> getDockerImageLayers() {
        return dockerImageLayers;
    }

    public void setDockerImageLayers(List<ImageLayer> dockerImageLayers) {
        this.dockerImageLayers = dockerImageLayers == null ? new ArrayList<>() : new ArrayList<>(dockerImageLayers);
    }

    public List<JsonNode> getSignatures() {
        return signatures;
    }

    public void setSignatures(List<JsonNode> signatures) {
        this.signatures = signatures == null ? new ArrayList<>() : new ArrayList<>(signatures);
    }

    /** Schema 1 signatures, written as base64 strings as Go writes {@code [][]byte}. */
    public List<byte[]> getDockerImageSignatures() {
        return dockerImageSignatures;
    }

    public void setDockerImageSignatures(List<byte[]> dockerImageSignatures) {
        this.dockerImageSignatures =
                dockerImageSignatures == null ? new ArrayList<>() : new ArrayList<>(dockerImageSignatures);
    }

    public String getDockerImageManifestMediaType() {
        return dockerImageManifestMediaType;
    }

    public void setDockerImageManifestMediaType(String dockerImageManifestMediaType) {
        this.dockerImageManifestMediaType = dockerImageManifestMediaType;
    }

    public String getDockerImageConfig() {
        return dockerImageConfig;
    }

    public void setDockerImageConfig(String dockerImageConfig) {
        this.dockerImageConfig = dockerImageConfig;
    }

    /** The children of a manifest list; empty for single-platform images. */
    public List<ImageManifest> getDockerImageManifests() {
        return dockerImageManifests;
    }

    public void setDockerImageManifests(List<ImageManifest> dockerImageManifests) {
        this.dockerImageManifests =
                dockerImageManifests == null ? new ArrayList<>() : new ArrayList<>(dockerImageManifests);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Image other
                && typeAndMetadataEqual(other)
                && Objects.equals(dockerImageReference, other.dockerImageReference)
                && Objects.equals(dockerImageMetadata, other.dockerImageMetadata)
                && Objects.equals(dockerImageMetadataVersion, other.dockerImageMetadataVersion)
                && Objects.equals(dockerImageManifest, other.dockerImageManifest)
                && dockerImageLayers.equals(other.dockerImageLayers)
                && signatures.equals(other.signatures)
                && bytesEqual(dockerImageSignatures, other.dockerImageSignatures)
                && Objects.equals(dockerImageManifestMediaType, other.dockerImageManifestMediaType)
                && Objects.equals(dockerImageConfig, other.dockerImageConfig)
                && dockerImageManifests.equals(other.dockerImageManifests);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(typeAndMetadataHash(), dockerImageReference, dockerImageMetadata,
                dockerImageMetadataVersion, dockerImageManifest, dockerImageLayers, signatures,
                dockerImageManifestMediaType, dockerImageConfig, dockerImageManifests);
        for (byte[] signature : dockerImageSignatures) {
            hash = 31 * hash + Arrays.hashCode(signature);
        }
        return hash;
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }

    private static boolean bytesEqual(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
