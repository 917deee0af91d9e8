package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.imagestreams.api.meta.KubernetesList;
import java.util.List;

/** A list of image stream tags; {@code kind} and {@code apiVersion} are set from the start. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageStreamTagList extends KubernetesList<ImageStreamTag> {

    public ImageStreamTagList() {
        super(ImageApi.KIND_IMAGE_STREAM_TAG_LIST, ImageApi.API_VERSION);
    }

    public ImageStreamTagList(List<ImageStreamTag> items) {
        this();
        setItems(items);
    }
}
