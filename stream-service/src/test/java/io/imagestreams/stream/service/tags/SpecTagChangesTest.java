package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.dockerTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStreamSpec;
import io.imagestreams.api.image.TagReference;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reference §3.1: {@code tagRefChanged} and the semantic spec comparison behind generation bumps. */
class SpecTagChangesTest {

    @Test
    void aTagWithoutFromNeverCountsAsChanged() {
        // given
        TagReference old = dockerTag("latest", "app:1", 2L);
        TagReference next = TagReference.named("latest").withGeneration(0L);

        // when
        boolean changed = SpecTagChanges.tagRefChanged(old, next, "demo");

        // then
        assertThat(changed).isFalse();
    }

    @Test
    void anExplicitNamespaceEqualToTheStreamsIsNoChange() {
        // given
        TagReference old = TagReference.named("latest").fromImageStreamTag("base:1");
        TagReference next = TagReference.named("latest").fromImageStreamTag("base:1");
        next.getFrom().setNamespace("demo");

        // when
        boolean changed = SpecTagChanges.tagRefChanged(old, next, "demo");

        // then
        assertThat(changed).isFalse();
    }

    @Test
    void onlyAResetToZeroCountsAsAGenerationChange() {
        // given
        TagReference old = dockerTag("latest", "app:1", 2L);

        // when
        boolean toZero = SpecTagChanges.tagRefChanged(old, dockerTag("latest", "app:1", 0L), "demo");
        boolean toOther = SpecTagChanges.tagRefChanged(old, dockerTag("latest", "app:1", 5L), "demo");
        boolean fromUnset = SpecTagChanges.tagRefChanged(dockerTag("latest", "app:1", null),
                dockerTag("latest", "app:1", 0L), "demo");

        // then
        assertThat(toZero).isTrue();
        assertThat(toOther).isFalse();
        assertThat(fromUnset).isFalse();
    }

    @Test
    void aTagMissingFromTheOldSpecIsNew() {
        // when
        boolean changed = SpecTagChanges.isNewOrChanged(Optional.empty(), TagReference.named("x"), "demo");

        // then
        assertThat(changed).isTrue();
    }

    @Test
    void unsetAndEmptyValuesAreSemanticallyEqual() {
        // given
        ImageStreamSpec a = new ImageStreamSpec();
        a.getTags().add(dockerTag("latest", "app:1", 2L));
        ImageStreamSpec b = new ImageStreamSpec();
        b.setDockerImageRepository("");
        TagReference tag = dockerTag("latest", "app:1", 2L);
        tag.setAnnotations(Map.of());
        tag.getFrom().setNamespace("");
        b.getTags().add(tag);

        // when
        boolean same = SpecTagChanges.sameSpec(a, b);

        // then
        assertThat(same).isTrue();
    }

    @Test
    void specTagsAreComparedByNameNotByPosition() {
        // given
        ImageStreamSpec a = new ImageStreamSpec();
        a.getTags().add(dockerTag("a", "app:1", 1L));
        a.getTags().add(dockerTag("b", "app:2", 1L));
        ImageStreamSpec b = new ImageStreamSpec();
        b.getTags().add(dockerTag("b", "app:2", 1L));
        b.getTags().add(dockerTag("a", "app:1", 1L));

        // when
        boolean same = SpecTagChanges.sameSpec(a, b);

        // then
        assertThat(same).isTrue();
    }
}
