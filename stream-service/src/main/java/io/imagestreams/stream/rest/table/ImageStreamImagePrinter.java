package io.imagestreams.stream.rest.table;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStreamImage;
import java.time.Instant;
import java.util.List;

/**
 * {@code oc get isimage}: {@code NAME  UPDATED}, and {@code IMAGE REFERENCE  IMAGE NAME} with {@code -o wide}.
 */
final class ImageStreamImagePrinter implements RowPrinter<ImageStreamImage> {

    static final ImageStreamImagePrinter INSTANCE = new ImageStreamImagePrinter();

    private static final List<TableColumnDefinition> COLUMNS = List.of(
            TableColumnDefinition.objectName(),
            TableColumnDefinition.text("Updated", "Last update time."),
            TableColumnDefinition.wideText("Image Reference",
                    "DockerImageReference is the string that can be used to pull this image."),
            TableColumnDefinition.wideText("Image Name", "Image associated with the ImageStream and image name."));

    private ImageStreamImagePrinter() {
    }

    @Override
    public String kind() {
        return ImageApi.KIND_IMAGE_STREAM_IMAGE;
    }

    @Override
    public List<TableColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(ImageStreamImage image, Instant now) {
        return List.of(Cells.text(image.getMetadata().getName()),
                Cells.age(image.getMetadata(), now),
                Cells.text(image.getImage().getDockerImageReference()),
                Cells.text(image.getImage().getMetadata().getName()));
    }
}
