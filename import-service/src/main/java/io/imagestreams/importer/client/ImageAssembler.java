package io.imagestreams.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.DockerConfig;
import io.imagestreams.api.image.DockerImageMetadata;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageLayer;
import io.imagestreams.api.image.ImageManifest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds OpenShift {@code Image} objects from manifests and image configs, as the OpenShift importer fills them:
 * named by the manifest digest, {@code dockerImageReference} = repository@digest, docker "1.0" metadata from the
 * config, layers base first; never the raw manifest or config (OpenShift strips them from imported images).
 */
final class ImageAssembler {

    private final ObjectMapper json;

    ImageAssembler(ObjectMapper json) {
        this.json = json;
    }

    /** A single-platform image from its schema 2 / OCI manifest and config blob. */
    Image image(String repository, String digest, String mediaType, JsonNode manifest, JsonNode config,
            long configSize) {
        Image image = Image.named(digest).withDockerImageReference(repository + "@" + digest);
        image.setDockerImageMetadataVersion(ImageApi.DOCKER_IMAGE_METADATA_VERSION);
        image.setDockerImageManifestMediaType(mediaType);

        List<ImageLayer> layers = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        long size = configSize;
        for (JsonNode layer : manifest.path("layers")) {
            String layerDigest = layer.path("digest").asText("");
            long layerSize = layer.path("size").asLong(0);
            layers.add(new ImageLayer(layerDigest, layerSize, layer.path("mediaType").asText("")));
            if (counted.add(layerDigest)) {
                size += layerSize;
            }
        }
        image.setDockerImageLayers(layers);

        DockerImageMetadata metadata = new DockerImageMetadata();
        metadata.setId(manifest.path("config").path("digest").asText(""));
        metadata.setCreated(instant(config.path("created")));
        metadata.setAuthor(text(config.path("author")));
        metadata.setComment(text(config.path("comment")));
        metadata.setContainer(text(config.path("container")));
        metadata.setDockerVersion(text(config.path("docker_version")));
        metadata.setArchitecture(text(config.path("architecture")));
        metadata.setOs(text(config.path("os")));
        metadata.setVariant(text(config.path("variant")));
        metadata.setConfig(dockerConfig(config.path("config")));
        DockerConfig containerConfig = dockerConfig(config.path("container_config"));
        if (containerConfig != null) {
            metadata.setContainerConfig(containerConfig);
        }
        metadata.setSize(size);
        image.setDockerImageMetadata(metadata);
        return image;
    }

    /** The image of a manifest list / index itself: its children as descriptors, no layers or config. */
    Image listImage(String repository, String digest, String mediaType, List<ImageManifest> children,
            Instant now) {
        Image image = Image.named(digest).withDockerImageReference(repository + "@" + digest);
        image.setDockerImageMetadataVersion(ImageApi.DOCKER_IMAGE_METADATA_VERSION);
        image.setDockerImageManifestMediaType(mediaType);
        image.setDockerImageManifests(children);
        DockerImageMetadata metadata = new DockerImageMetadata();
        // as OpenShift: a list has no config, so its ID is its own digest and it was "created" when imported
        metadata.setId(digest);
        metadata.setCreated(now);
        image.setDockerImageMetadata(metadata);
        return image;
    }

    /** The child descriptors of a manifest list / index. */
    static List<ImageManifest> children(JsonNode list) {
        List<ImageManifest> children = new ArrayList<>();
        for (JsonNode entry : list.path("manifests")) {
            JsonNode platform = entry.path("platform");
            ImageManifest child = ImageManifest.of(entry.path("digest").asText(""), entry.path("mediaType").asText(""),
                    entry.path("size").asLong(0), platform.path("architecture").asText(""),
                    platform.path("os").asText(""));
            String variant = platform.path("variant").asText("");
            child.setVariant(variant.isEmpty() ? null : variant);
            children.add(child);
        }
        return children;
    }

    private DockerConfig dockerConfig(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        try {
            return json.treeToValue(node, DockerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        String value = node.isTextual() ? node.asText() : "";
        return value.isEmpty() ? null : value;
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
