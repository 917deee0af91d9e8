package io.imagestreams.stream.rest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void readsTypeParametersAndQuality() {
        // when
        List<MediaRange> ranges = AcceptHeader.parse("Application/JSON; As=Table ; v=v1;g=meta.k8s.io;q=0.5");

        // then
        assertThat(ranges).containsExactly(
                new MediaRange("application", "json", Map.of("as", "Table", "v", "v1", "g", "meta.k8s.io"), 0.5));
    }

    @Test
    void sortsByQualityThenSpecificityKeepingTheClientsOrderOtherwise() {
        // when
        List<MediaRange> ranges = AcceptHeader.parse(
                "*/*;q=0.8, application/*, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io, "
                        + "application/json");

        // then
        assertThat(ranges).extracting(range -> range.type() + "/" + range.subtype() + range.parameters().keySet())
                .containsExactly("application/json[as, v, g]", "application/yaml[]", "application/json[]",
                        "application/*[]", "*/*[]");
    }

    @Test
    void keepsCommasAndSemicolonsInsideQuotedValues() {
        // when
        List<MediaRange> ranges = AcceptHeader.parse("text/plain;note=\"a,b;c \\\"d\\\"\", application/json");

        // then
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0).parameter("note")).isEqualTo("a,b;c \"d\"");
    }

    @Test
    void aBareStarMeansAnything() {
        // when
        List<MediaRange> ranges = AcceptHeader.parse("text/html, image/gif, *; q=.2");

        // then
        assertThat(ranges.get(2).admits("application", "json")).isTrue();
        assertThat(ranges.get(2).quality()).isEqualTo(0.2);
    }

    @Test
    void anUnreadableQualityMakesTheRangeUnacceptable() {
        // when
        List<MediaRange> ranges = AcceptHeader.parse("application/json;q=high");

        // then
        assertThat(ranges.get(0).acceptable()).isFalse();
    }

    @Test
    void aMissingOrBlankHeaderHasNoRanges() {
        assertThat(AcceptHeader.parse(null)).isEmpty();
        assertThat(AcceptHeader.parse("  ,  ")).isEmpty();
    }
}
