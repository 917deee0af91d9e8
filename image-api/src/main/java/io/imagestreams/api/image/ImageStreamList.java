package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.imagestreams.api.meta.KubernetesList;
import java.util.List;

/** A list of image streams; {@code kind} and {@code apiVersion} are set from the start. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageStreamList extends KubernetesList<ImageStream> {

    public ImageStreamList() {
        super(ImageApi.KIND_IMAGE_STREAM_LIST, ImageApi.API_VERSION);
    }

    public ImageStreamList(List<ImageStream> items) {
        this();
        setItems(items);
    }
}
