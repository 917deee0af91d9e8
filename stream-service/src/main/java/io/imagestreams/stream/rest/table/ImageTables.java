package io.imagestreams.stream.rest.table;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageList;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImage;
import io.imagestreams.api.image.ImageStreamList;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.ImageStreamTagList;
import java.time.Instant;

/**
 * Server-side printing of the {@code image.openshift.io/v1} kinds: the {@code meta.k8s.io} Tables kubectl and
 * oc print from. Pure functions; {@code now} is explicit so ages are testable. Typical use in a list endpoint:
 * <pre>{@code
 * Optional<TableVersion> table = TableNegotiation.requestedTable(accept);
 * if (table.isPresent()) {
 *     TableOptions options = TableOptions.of(table.get(), includeObject);   // 400 on IllegalArgumentException
 *     return Response.ok(ImageTables.imageStreams(list, options, clock.instant()))
 *             .type(table.get().contentType()).header("Vary", "Accept").build();
 * }
 * }</pre>
 */
public final class ImageTables {

    private ImageTables() {
    }

    /** {@code NAME  IMAGE REPOSITORY  TAGS  UPDATED} for a list; the Table keeps the list's metadata. */
    public static Table imageStreams(ImageStreamList list, TableOptions options, Instant now) {
        return TableRenderer.render(ImageStreamPrinter.INSTANCE, list.getItems(), list.getMetadata(), options, now);
    }

    /** {@code NAME  IMAGE REPOSITORY  TAGS  UPDATED} for one stream; the Table takes its resourceVersion. */
    public static Table imageStream(ImageStream stream, TableOptions options, Instant now) {
        return TableRenderer.render(ImageStreamPrinter.INSTANCE, stream, options, now);
    }

    /** {@code NAME  IMAGE REFERENCE  UPDATED} (+ wide {@code IMAGE NAME}) for a list. */
    public static Table imageStreamTags(ImageStreamTagList list, TableOptions options, Instant now) {
        return TableRenderer.render(ImageStreamTagPrinter.INSTANCE, list.getItems(), list.getMetadata(), options,
                now);
    }

    /** {@code NAME  IMAGE REFERENCE  UPDATED} (+ wide {@code IMAGE NAME}) for one tag. */
    public static Table imageStreamTag(ImageStreamTag tag, TableOptions options, Instant now) {
        return TableRenderer.render(ImageStreamTagPrinter.INSTANCE, tag, options, now);
    }

    /** {@code NAME  IMAGE REFERENCE} for a list. Images print no age, so no clock is needed. */
    public static Table images(ImageList list, TableOptions options) {
        return TableRenderer.render(ImagePrinter.INSTANCE, list.getItems(), list.getMetadata(), options, Instant.EPOCH);
    }

    /** {@code NAME  IMAGE REFERENCE} for one image. */
    public static Table image(Image image, TableOptions options) {
        return TableRenderer.render(ImagePrinter.INSTANCE, image, options, Instant.EPOCH);
    }

    /** {@code NAME  UPDATED} (+ wide {@code IMAGE REFERENCE  IMAGE NAME}) for one stream image (get only). */
    public static Table imageStreamImage(ImageStreamImage image, TableOptions options, Instant now) {
        return TableRenderer.render(ImageStreamImagePrinter.INSTANCE, image, options, now);
    }
}
