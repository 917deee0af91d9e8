package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code ImageStreamTag} view of a stream's tag (apiserver {@code registry/imagestreamtag/rest.go}
 * {@code newISTag}). Pass streams whose status repositories are current ({@link ImageStreamStrategy#decorate}):
 * {@code image.dockerImageReference} is resolved per the tag's reference policy.
 */
public final class ImageStreamTags {

    private ImageStreamTags() {
    }

    /**
     * Whether {@code GET imagestreamtags/<s>:<t>} finds the tag: its current event has an image ID. Spec-only
     * tags, reference tags and tags whose imports failed do not exist as istags (404).
     */
    public static boolean exists(ImageStream stream, String tag) {
        return TagHistory.find(stream, tag).flatMap(NamedTagEventList::latest)
                .filter(event -> !event.getImage().isEmpty())
                .isPresent();
    }

    /**
     * The istag for {@code tag} ({@code kind} and {@code apiVersion} set): metadata from the stream (namespace,
     * labels, uid, resourceVersion), name {@code <stream>:<tag>}, {@code creationTimestamp} of the current event,
     * annotations of the spec tag; the spec tag, the current event's generation, the tag's conditions and the
     * stream's lookup policy. The image is {@code image} without manifest and config and with the spec tag's
     * annotations; without it (not loaded, or deleted) it carries only its name. A tag without history gives an
     * istag without image, created when the stream was, as istag create and update answer; GET must check
     * {@link #exists} first.
     */
    public static ImageStreamTag toImageStreamTag(ImageStream stream, String tag, Optional<Image> image) {
        return build(stream, tag, image).withTypeMeta();
    }

    /**
     * The istags of {@code LIST imagestreamtags} for one stream: one per status tag that {@link #exists}, in tag
     * order, images carrying only their name and resolved pull spec (no Image is loaded), no {@code kind}.
     */
    public static List<ImageStreamTag> listItems(ImageStream stream) {
        List<ImageStreamTag> items = new ArrayList<>();
        for (NamedTagEventList history : stream.getStatus().getTags()) {
            if (exists(stream, history.getTag())) {
                items.add(build(stream, history.getTag(), Optional.empty()));
            }
        }
        return items;
    }

    private static ImageStreamTag build(ImageStream stream, String tag, Optional<Image> image) {
        TagEvent event = TagHistory.latest(stream, tag)
                .orElseGet(() -> TagEvent.of(stream.getMetadata().getCreationTimestamp(), "", "", 0));
        Optional<TagReference> specTag = stream.getSpec().findTag(tag).map(ImageApiJson::deepCopy);
        SortedMap<String, String> annotations = new TreeMap<>();
        specTag.map(TagReference::getAnnotations).ifPresent(annotations::putAll);

        ImageStreamTag istag = new ImageStreamTag();
        istag.setMetadata(metadata(stream, tag, event, annotations));
        istag.setTag(specTag.orElse(null));
        istag.setGeneration(event.getGeneration());
        istag.setConditions(TagHistory.find(stream, tag).map(NamedTagEventList::getConditions).orElse(null));
        istag.setLookupPolicy(ImageApiJson.deepCopy(stream.getSpec().getLookupPolicy()));
        Image shown = image.map(found -> embedded(found, annotations)).orElseGet(() -> nameOnly(event));
        shown.setDockerImageReference(emptyToNull(PullSpecs.resolve(stream, tag, event)));
        istag.setImage(shown);
        return istag;
    }

    private static ObjectMeta metadata(ImageStream stream, String tag, TagEvent event,
            SortedMap<String, String> annotations) {
        ObjectMeta streamMeta = stream.getMetadata();
        ObjectMeta meta = ObjectMeta.of(streamMeta.getNamespace(), streamMeta.getName() + ":" + tag)
                .withUid(streamMeta.getUid())
                .withResourceVersion(streamMeta.getResourceVersion())
                .withCreationTimestamp(event.getCreated());
        meta.setLabels(streamMeta.getLabels());
        meta.setAnnotations(annotations);
        return meta;
    }

    /** A copy of the stored image as an istag embeds it: no type metadata, manifest or config. */
    private static Image embedded(Image stored, SortedMap<String, String> specTagAnnotations) {
        Image image = ImageApiJson.deepCopy(stored);
        image.setKind(null);
        image.setApiVersion(null);
        image.setDockerImageManifest(null);
        image.setDockerImageConfig(null);
        image.getMetadata().getAnnotations().putAll(specTagAnnotations);
        return image;
    }

    private static Image nameOnly(TagEvent event) {
        Image image = new Image();
        image.getMetadata().setName(emptyToNull(event.getImage()));
        return image;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
