package io.imagestreams.stream.rest.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageStreamPrinterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final int WIDTH = ImageStreamPrinter.TAGS_WIDTH;

    @Test
    void noStatusTagsPrintNothing() {
        assertThat(ImageStreamPrinter.tags(List.of(), WIDTH)).isEmpty();
    }

    @Test
    void tagsThatFitTheBudgetWithATrailingCommaEachAreAllShown() {
        // given: four 9-character tags cost 4 x (9 + 1) = 40, exactly the budget
        List<NamedTagEventList> tags = newestFirst("aaaaaaaa1", "aaaaaaaa2", "aaaaaaaa3", "aaaaaaaa4");

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo("aaaaaaaa1,aaaaaaaa2,aaaaaaaa3,aaaaaaaa4");
    }

    @Test
    void aTagPastAFullBudgetIsCountedAsMore() {
        // given
        List<NamedTagEventList> tags = newestFirst("aaaaaaaa1", "aaaaaaaa2", "aaaaaaaa3", "aaaaaaaa4", "aaaaaaaa5");

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH))
                .isEqualTo("aaaaaaaa1,aaaaaaaa2,aaaaaaaa3,aaaaaaaa4 + 1 more...");
    }

    @Test
    void theReferenceExample() {
        // given
        List<NamedTagEventList> tags = newestFirst("latest", "1.2", "x".repeat(40), "1.1", "1.0");

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo("latest,1.2 + 3 more...");
    }

    @Test
    void withMoreThanAQuarterLeftATagMayOverrunTo125Percent() {
        // given: 25 + 1 leaves 14 (> 10); 20 + 1 overruns by 7 (<= 10)
        String first = "a".repeat(25);
        String second = "b".repeat(20);
        List<NamedTagEventList> tags = newestFirst(first, second, "c");

        // when / then: the overrun tag is shown; the next one no longer fits
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo(first + "," + second + " + 1 more...");
    }

    @Test
    void theOverrunMayNotExceedAQuarterOfTheBudget() {
        // given: 24 + 1 after 14 left overruns by 11 (> 10)
        String first = "a".repeat(25);
        List<NamedTagEventList> tags = newestFirst(first, "b".repeat(24));

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo(first + " + 1 more...");
    }

    @Test
    void withAQuarterOrLessLeftNoOverrunIsAllowed() {
        // given: 28 + 1 leaves 11, which is not more than the 10-character margin once the comma is counted
        String first = "a".repeat(28);
        List<NamedTagEventList> tags = newestFirst(first, "b".repeat(12));

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo(first + " + 1 more...");
    }

    @Test
    void justOverAQuarterLeftAllowsTheOverrun() {
        // given: 27 + 1 leaves 12; 12 + 1 overruns by 1
        String first = "a".repeat(27);
        String second = "b".repeat(12);
        List<NamedTagEventList> tags = newestFirst(first, second);

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo(first + "," + second);
    }

    @Test
    void theFirstTagIsAlwaysShownHoweverLong() {
        // given
        String first = "a".repeat(60);
        List<NamedTagEventList> tags = newestFirst(first, "b");

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo(first + " + 1 more...");
        assertThat(ImageStreamPrinter.tags(newestFirst(first), WIDTH)).isEqualTo(first);
    }

    @Test
    void widthsAreCountedInUtf8BytesAsGoDoes() {
        // given: 20 characters but 40 bytes, so the first tag alone overruns the budget
        String first = "ä".repeat(20);
        List<NamedTagEventList> tags = newestFirst(first, "b");

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo(first + " + 1 more...");
    }

    @Test
    void tagsAreOrderedNewestFirstBySecondThenByNameWithImagelessTagsLast() {
        // given
        Instant base = Instant.parse("2026-11-22T09:00:00Z");
        List<NamedTagEventList> tags = List.of(
                NamedTagEventList.of("empty"),
                NamedTagEventList.of("old", event(base)),
                NamedTagEventList.of("b", event(base.plusMillis(60_200))),
                NamedTagEventList.of("a", event(base.plusMillis(60_400))),
                NamedTagEventList.of("rounded-up", event(base.plusMillis(60_500))),
                NamedTagEventList.of("absent-time", new TagEvent()));

        // when / then: .200 and .400 round to the same second, so the name decides; .500 rounds up
        assertThat(ImageStreamPrinter.tags(tags, 200)).isEqualTo("rounded-up,a,b,old,absent-time,empty");
    }

    @Test
    void aTagListedTwiceCountsOnceWithItsLastEntry() {
        // given
        Instant base = Instant.parse("2026-11-22T09:00:00Z");
        List<NamedTagEventList> tags = List.of(
                NamedTagEventList.of("latest", event(base.plusSeconds(10))),
                NamedTagEventList.of("v1", event(base.plusSeconds(5))),
                NamedTagEventList.of("latest", event(base)));

        // when / then
        assertThat(ImageStreamPrinter.tags(tags, WIDTH)).isEqualTo("v1,latest");
    }

    @Test
    void updatedIsTheAgeOfTheNewestCurrentImage() {
        // given: an older history entry newer than every items[0] does not count
        ImageStream stream = ImageStream.of("ns", "app")
                .withStatusTag(NamedTagEventList.of("v1", event(NOW.minusSeconds(3600)), event(NOW.minusSeconds(60))))
                .withStatusTag(NamedTagEventList.of("v2", event(NOW.minusSeconds(190))));

        // when / then
        assertThat(ImageStreamPrinter.updated(stream, NOW)).isEqualTo("3m10s ago");
    }

    @Test
    void updatedIsBlankWithoutImages() {
        // given
        ImageStream stream = ImageStream.of("ns", "app").withStatusTag(NamedTagEventList.of("v1"));

        // when / then
        assertThat(ImageStreamPrinter.updated(stream, NOW)).isEmpty();
    }

    @Test
    void repositoryPrefersThePublicOneThenTheSpecThenTheInternalOne() {
        // given
        ImageStream stream = ImageStream.of("ns", "app");
        stream.getStatus().setDockerImageRepository("internal:5000/ns/app");

        // when / then
        assertThat(ImageStreamPrinter.repository(stream)).isEqualTo("internal:5000/ns/app");
        stream.getSpec().setDockerImageRepository("docker.io/library/app");
        assertThat(ImageStreamPrinter.repository(stream)).isEqualTo("docker.io/library/app");
        stream.getStatus().setPublicDockerImageRepository("registry.example.com/ns/app");
        assertThat(ImageStreamPrinter.repository(stream)).isEqualTo("registry.example.com/ns/app");
    }

    @Test
    void aRowHasOneCellPerColumn() {
        // given
        ImageStream stream = ImageStream.of("ns", "app")
                .withStatusTag(NamedTagEventList.of("latest", event(NOW.minusSeconds(49 * 3600))));
        stream.getStatus().setDockerImageRepository("internal:5000/ns/app");

        // when
        List<Object> cells = ImageStreamPrinter.INSTANCE.cells(stream, NOW);

        // then
        assertThat(cells).containsExactly("app", "internal:5000/ns/app", "latest", "2d1h ago");
        assertThat(ImageStreamPrinter.INSTANCE.columns()).extracting(TableColumnDefinition::name)
                .containsExactly("Name", "Image Repository", "Tags", "Updated");
    }

    /** Tags whose current images are one second apart, the first one newest. */
    private static List<NamedTagEventList> newestFirst(String... names) {
        List<NamedTagEventList> tags = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            tags.add(NamedTagEventList.of(names[i], event(NOW.minusSeconds(i + 1))));
        }
        // Stored order (by name) must not matter.
        tags.sort((a, b) -> a.getTag().compareTo(b.getTag()));
        return tags;
    }

    private static TagEvent event(Instant created) {
        return TagEvent.of(created, "registry/ns/app@sha256:" + created.getEpochSecond(),
                "sha256:" + created.getEpochSecond(), 1);
    }
}
