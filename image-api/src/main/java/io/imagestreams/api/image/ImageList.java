package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.imagestreams.api.meta.KubernetesList;
import java.util.List;

/** A list of images; {@code kind} and {@code apiVersion} are set from the start. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageList extends KubernetesList<Image> {

    public ImageList() {
        super(ImageApi.KIND_IMAGE_LIST, ImageApi.API_VERSION);
    }

    public ImageList(List<Image> items) {
        this();
        setItems(items);
    }
}
