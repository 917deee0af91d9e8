package io.imagestreams.stream.rest.table;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code oc get is}: {@code NAME  IMAGE REPOSITORY  TAGS  UPDATED}, as openshift-apiserver's
 * {@code printImageStream} renders it.
 */
final class ImageStreamPrinter implements RowPrinter<ImageStream> {

    static final ImageStreamPrinter INSTANCE = new ImageStreamPrinter();

    /** The TAGS budget openshift-apiserver uses. */
    static final int TAGS_WIDTH = 40;

    private static final List<TableColumnDefinition> COLUMNS = List.of(
            TableColumnDefinition.objectName(),
            TableColumnDefinition.text("Image Repository", "DockerImageRepository represents the effective location "
                    + "this stream may be accessed at. May be empty until the server determines where the repository "
                    + "is located"),
            TableColumnDefinition.text("Tags", "Human readable list of tags."),
            TableColumnDefinition.text("Updated", "Last update time."));

    /**
     * {@code SortStatusTags}: by the current image's creation time rounded to the second, newest first, then by
     * name, because stored times only have second precision. Tags with no image sort last (Go's zero time).
     */
    private static final Comparator<NamedTagEventList> NEWEST_FIRST = Comparator
            .comparing(ImageStreamPrinter::createdToTheSecond, Comparator.reverseOrder())
            .thenComparing(NamedTagEventList::getTag, TagOrder.BY_NAME);

    private ImageStreamPrinter() {
    }

    @Override
    public String kind() {
        return ImageApi.KIND_IMAGE_STREAM;
    }

    @Override
    public List<TableColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(ImageStream stream, Instant now) {
        return List.of(Cells.text(stream.getMetadata().getName()), repository(stream),
                tags(stream.getStatus().getTags(), TAGS_WIDTH), updated(stream, now));
    }

    /** The public repository if the registry is exposed, else the spec's (deprecated) one, else the internal one. */
    static String repository(ImageStream stream) {
        String repository = stream.getSpec().getDockerImageRepository();
        if (repository == null || repository.isEmpty()) {
            repository = stream.getStatus().getDockerImageRepository();
        }
        String publicRepository = stream.getStatus().getPublicDockerImageRepository();
        if (publicRepository != null && !publicRepository.isEmpty()) {
            repository = publicRepository;
        }
        return Cells.text(repository);
    }

    /**
     * {@code printTagsUpToWidth}: tags newest first, as many as fit in {@code preferredWidth} counting a comma
     * after each; always at least one; a tag that starts with more than a quarter of the budget left may run
     * up to 125% of it so the column's edge is less ragged; then {@code " + N more..."}. Widths are UTF-8 bytes,
     * as Go's {@code len}.
     */
    static String tags(List<NamedTagEventList> statusTags, int preferredWidth) {
        // The server keeps status tags in a map: one entry per tag, the last one written wins.
        List<NamedTagEventList> unique = TagOrder.statusTags(statusTags);
        List<String> names = unique.stream().sorted(NEWEST_FIRST).map(NamedTagEventList::getTag).toList();
        int shown = names.size();
        int remaining = preferredWidth;
        for (int i = 0; i < names.size(); i++) {
            int length = names.get(i).getBytes(StandardCharsets.UTF_8).length;
            remaining -= length + 1;
            if (remaining >= 0) {
                continue;
            }
            if (i == 0) {
                shown = 1;
                break;
            }
            int margin = preferredWidth / 4;
            if (margin < remaining + length && margin >= -remaining) {
                continue;
            }
            shown = i;
            break;
        }
        String joined = String.join(",", names.subList(0, shown));
        int hidden = unique.size() - shown;
        return hidden > 0 ? joined + " + " + hidden + " more..." : joined;
    }

    /** {@code "<age> ago"} of the newest current image of any tag; blank when no tag has an image. */
    static String updated(ImageStream stream, Instant now) {
        Optional<Instant> latest = stream.getStatus().getTags().stream()
                .map(NamedTagEventList::latest)
                .flatMap(Optional::stream)
                .map(TagEvent::getCreated)
                .filter(created -> created != null)
                .max(Comparator.naturalOrder());
        return latest.map(created -> HumanDuration.format(Duration.between(created, now)) + " ago").orElse("");
    }

    private static Instant createdToTheSecond(NamedTagEventList history) {
        Instant created = history.latest().map(TagEvent::getCreated).orElse(null);
        if (created == null) {
            return Instant.MIN;
        }
        // Go's Time.Round rounds halves up.
        Instant floor = created.truncatedTo(ChronoUnit.SECONDS);
        return created.getNano() >= 500_000_000 ? floor.plusSeconds(1) : floor;
    }
}
