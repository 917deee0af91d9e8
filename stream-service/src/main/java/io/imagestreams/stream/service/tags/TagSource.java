package io.imagestreams.stream.service.tags;

import io.imagestreams.stream.repository.StreamKey;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.meta.ObjectReference;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@code ImageStreamTag} or {@code ImageStreamImage} spec tag takes its image from: a tag or image ID in
 * a stream, the namespace defaulted to the tagging stream's (apiserver {@code parseFromReference}).
 *
 * @param namespace the source stream's namespace
 * @param stream    the source stream's name
 * @param tagOrId   the tag ({@code ImageStreamTag}) or image ID prefix ({@code ImageStreamImage}); may be empty
 */
record TagSource(String namespace, String stream, String tagOrId) {

    /** The error text OpenShift gives for a {@code from.name} it cannot split. */
    static final String FORM_ERROR = "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>";

    /**
     * Splits {@code from.name}: {@code <tag>} / {@code <id>} name the tagging stream itself, {@code <stream>:<tag>} /
     * {@code <stream>@<id>} another one. Empty for any other kind, or a name with more than one separator.
     */
    static Optional<TagSource> parse(ImageStream tagging, ObjectReference from) {
        String separator;
        if (ImageApi.KIND_IMAGE_STREAM_TAG.equals(from.getKind())) {
            separator = ":";
        } else if (ImageApi.KIND_IMAGE_STREAM_IMAGE.equals(from.getKind())) {
            separator = "@";
        } else {
            return Optional.empty();
        }
        String namespace = namespaceOf(tagging, from);
        // Go's strings.Split keeps empty parts, hence the -1 limit
        String[] parts = Objects.requireNonNullElse(from.getName(), "").split(separator, -1);
        return switch (parts.length) {
            case 1 -> Optional.of(new TagSource(namespace, tagging.getMetadata().getName(), parts[0]));
            case 2 -> Optional.of(new TagSource(namespace, parts[0], parts[1]));
            default -> Optional.empty();
        };
    }

    /** {@code from.namespace}, or the tagging stream's namespace when empty. */
    static String namespaceOf(ImageStream tagging, ObjectReference from) {
        String namespace = from.getNamespace();
        return namespace == null || namespace.isEmpty() ? namespaceOf(tagging) : namespace;
    }

    static String namespaceOf(ImageStream stream) {
        return Objects.requireNonNullElse(stream.getMetadata().getNamespace(), "");
    }

    StreamKey streamKey() {
        return new StreamKey(namespace, stream);
    }

    boolean isIn(ImageStream candidate) {
        return streamKey().equals(StreamKey.of(candidate));
    }
}
