package io.imagestreams.api.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagOrderTest {

    @Test
    void specTagsAreSortedByNameInByteOrder() {
        // given
        List<TagReference> tags = List.of(TagReference.named("latest"), TagReference.named("10.0"),
                TagReference.named("9.6"), TagReference.named("Z"), TagReference.named("2"));

        // when
        List<TagReference> sorted = TagOrder.specTags(tags);

        // then
        assertThat(sorted).extracting(TagReference::getName).containsExactly("10.0", "2", "9.6", "Z", "latest");
    }

    @Test
    void aSpecTagGivenTwiceKeepsItsLastEntry() {
        // given
        List<TagReference> tags = List.of(
                TagReference.named("latest").fromDockerImage("ubuntu:20.04"),
                TagReference.named("a"),
                TagReference.named("latest").fromDockerImage("ubuntu:22.04"));

        // when
        List<TagReference> sorted = TagOrder.specTags(tags);

        // then
        assertThat(sorted).extracting(TagReference::getName).containsExactly("a", "latest");
        assertThat(sorted.get(1).getFrom().getName()).isEqualTo("ubuntu:22.04");
    }

    @Test
    void statusTagsAreSortedAndDeduplicatedTheSameWay() {
        // given
        TagEvent old = TagEvent.of(Instant.parse("2026-01-01T00:00:00Z"), "r@sha256:1", "sha256:1", 1);
        TagEvent newer = TagEvent.of(Instant.parse("2026-02-01T00:00:00Z"), "r@sha256:2", "sha256:2", 2);
        ImageStream stream = ImageStream.of("demo", "app")
                .withStatusTag(NamedTagEventList.of("v2", old))
                .withStatusTag(NamedTagEventList.of("v1", old))
                .withStatusTag(NamedTagEventList.of("v2", newer));

        // when
        TagOrder.normalize(stream);

        // then
        assertThat(stream.getStatus().getTags()).extracting(NamedTagEventList::getTag).containsExactly("v1", "v2");
        assertThat(stream.getStatus().findTag("v2").orElseThrow().getItems()).containsExactly(newer);
    }

    @Test
    void codePointOrderPutsSupplementaryCharactersAfterTheRestOfTheBmp() {
        // when / then: UTF-16 order would put U+1F600 (surrogates D83D…) before U+FF21
        assertThat(TagOrder.BY_NAME.compare("\uD83D\uDE00", "\uFF21")).isPositive();
        assertThat(TagOrder.BY_NAME.compare("a", "ab")).isNegative();
        assertThat(TagOrder.BY_NAME.compare("ab", "ab")).isZero();
    }
}
