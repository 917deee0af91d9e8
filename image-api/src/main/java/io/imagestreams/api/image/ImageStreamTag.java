package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.KubernetesObject;
import io.imagestreams.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The image a tag points at, named {@code <stream>:<tag>}. {@code tag} is written as {@code null} for tags that
 * only exist in status; {@code generation}, {@code lookupPolicy} and {@code image} are always written.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "tag", "generation", "lookupPolicy", "conditions", "image"})
public class ImageStreamTag extends KubernetesObject {

    @JsonProperty("tag")
    private TagReference tag;
    @JsonProperty("generation")
    private long generation;
    @JsonProperty("lookupPolicy")
    private ImageLookupPolicy lookupPolicy = new ImageLookupPolicy();
    @JsonProperty("conditions")
    @JsonInclude(Include.NON_EMPTY)
    private List<TagEventCondition> conditions = new ArrayList<>();
    @JsonProperty("image")
    private Image image = new Image();

    public ImageStreamTag() {
    }

    /** A top-level istag ({@code kind} and {@code apiVersion} set) named {@code <stream>:<tag>}. */
    public static ImageStreamTag of(String namespace, String stream, String tag) {
        ImageStreamTag istag = new ImageStreamTag().withTypeMeta();
        istag.setMetadata(ObjectMeta.of(namespace, stream + ":" + tag));
        return istag;
    }

    /** Sets {@code kind: ImageStreamTag} and {@code apiVersion: image.openshift.io/v1}. */
    public ImageStreamTag withTypeMeta() {
        setTypeMeta(ImageApi.KIND_IMAGE_STREAM_TAG, ImageApi.API_VERSION);
        return this;
    }

    public TagReference getTag() {
        return tag;
    }

    public void setTag(TagReference tag) {
        this.tag = tag;
    }

    /** The generation of the current image, {@code status.tags[tag].items[0].generation}. */
    public long getGeneration() {
        return generation;
    }

    public void setGeneration(long generation) {
        this.generation = generation;
    }

    public ImageLookupPolicy getLookupPolicy() {
        return lookupPolicy;
    }

    public void setLookupPolicy(ImageLookupPolicy lookupPolicy) {
        this.lookupPolicy = lookupPolicy == null ? new ImageLookupPolicy() : lookupPolicy;
    }

    public List<TagEventCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<TagEventCondition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
    }

    public Image getImage() {
        return image;
    }

    public void setImage(Image image) {
        this.image = image == null ? new Image() : image;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageStreamTag other
                && typeAndMetadataEqual(other)
                && Objects.equals(tag, other.tag)
                && generation == other.generation
                && lookupPolicy.equals(other.lookupPolicy)
                && conditions.equals(other.conditions)
                && image.equals(other.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeAndMetadataHash(), tag, generation, lookupPolicy, conditions, image);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
