package io.imagestreams.stream.rest.table;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStreamTag;
import java.time.Instant;
import java.util.List;

/** {@code oc get istag}: {@code NAME  IMAGE REFERENCE  UPDATED}, and {@code IMAGE NAME} with {@code -o wide}. */
final class ImageStreamTagPrinter implements RowPrinter<ImageStreamTag> {

    static final ImageStreamTagPrinter INSTANCE = new ImageStreamTagPrinter();

    private static final List<TableColumnDefinition> COLUMNS = List.of(
            TableColumnDefinition.objectName(),
            TableColumnDefinition.text("Image Reference",
                    "DockerImageReference is the string that can be used to pull this image."),
            TableColumnDefinition.text("Updated", "Last update time."),
            TableColumnDefinition.wideText("Image Name", "image associated with the ImageStream and tag."));

    private ImageStreamTagPrinter() {
    }

    @Override
    public String kind() {
        return ImageApi.KIND_IMAGE_STREAM_TAG;
    }

    @Override
    public List<TableColumnDefinition> columns() {
        return COLUMNS;
    }

    /** UPDATED is the tag's creation time, which is when its current image was tagged. */
    @Override
    public List<Object> cells(ImageStreamTag tag, Instant now) {
        return List.of(Cells.text(tag.getMetadata().getName()),
                Cells.text(tag.getImage().getDockerImageReference()),
                Cells.age(tag.getMetadata(), now),
                Cells.text(tag.getImage().getMetadata().getName()));
    }
}
