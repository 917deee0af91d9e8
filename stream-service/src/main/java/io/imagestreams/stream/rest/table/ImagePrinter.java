package io.imagestreams.stream.rest.table;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import java.time.Instant;
import java.util.List;

/** {@code oc get images}: {@code NAME  IMAGE REFERENCE}. */
final class ImagePrinter implements RowPrinter<Image> {

    static final ImagePrinter INSTANCE = new ImagePrinter();

    private static final List<TableColumnDefinition> COLUMNS = List.of(
            TableColumnDefinition.objectName(),
            TableColumnDefinition.text("Image Reference",
                    "DockerImageReference is the string that can be used to pull this image."));

    private ImagePrinter() {
    }

    @Override
    public String kind() {
        return ImageApi.KIND_IMAGE;
    }

    @Override
    public List<TableColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Image image, Instant now) {
        return List.of(Cells.text(image.getMetadata().getName()), Cells.text(image.getDockerImageReference()));
    }
}
