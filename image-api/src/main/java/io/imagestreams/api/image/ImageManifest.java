package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.Objects;

/** A child manifest of a manifest list; only {@code variant} is {@code omitempty}. */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"digest", "mediaType", "manifestSize", "architecture", "os", "variant"})
public class ImageManifest {

    @JsonProperty("digest")
    private String digest = "";
    @JsonProperty("mediaType")
    private String mediaType = "";
    @JsonProperty("manifestSize")
    private long manifestSize;
    @JsonProperty("architecture")
    private String architecture = "";
    @JsonProperty("os")
    private String os = "";
    @JsonProperty("variant")
    @JsonInclude(Include.NON_EMPTY)
    private String variant;

    public ImageManifest() {
    }

    public static ImageManifest of(String digest, String mediaType, long manifestSize, String architecture,
            String os) {
        ImageManifest manifest = new ImageManifest();
        manifest.setDigest(digest);
        manifest.setMediaType(mediaType);
        manifest.setManifestSize(manifestSize);
        manifest.setArchitecture(architecture);
        manifest.setOs(os);
        return manifest;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = Objects.requireNonNullElse(digest, "");
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = Objects.requireNonNullElse(mediaType, "");
    }

    public long getManifestSize() {
        return manifestSize;
    }

    public void setManifestSize(long manifestSize) {
        this.manifestSize = manifestSize;
    }

    public String getArchitecture() {
        return architecture;
    }

    public void setArchitecture(String architecture) {
        this.architecture = Objects.requireNonNullElse(architecture, "");
    }

    public String getOs() {
        return os;
    }

    public void setOs(String os) {
        this.os = Objects.requireNonNullElse(os, "");
    }

    public String getVariant() {
        return variant;
    }

    public void setVariant(String variant) {
        this.variant = variant;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageManifest other
                && digest.equals(other.digest)
                && mediaType.equals(other.mediaType)
                && manifestSize == other.manifestSize
                && architecture.equals(other.architecture)
                && os.equals(other.os)
                && Objects.equals(variant, other.variant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digest, mediaType, manifestSize, architecture, os, variant);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
