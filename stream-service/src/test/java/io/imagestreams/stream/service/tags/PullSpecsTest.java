package io.imagestreams.stream.service.tags;

import static io.imagestreams.stream.service.tags.StreamFixtures.digest;
import static io.imagestreams.stream.service.tags.StreamFixtures.dockerTag;
import static io.imagestreams.stream.service.tags.StreamFixtures.event;
import static io.imagestreams.stream.service.tags.StreamFixtures.history;
import static io.imagestreams.stream.service.tags.StreamFixtures.stored;
import static io.imagestreams.stream.service.tags.StreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagReferencePolicy;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reference §3.8: pull specs per reference policy. */
class PullSpecsTest {

    private static final String A = digest("a1");

    @Test
    void sourceGivesTheRecordedPullSpec() {
        // given
        ImageStream stream = stored(stream("app", 2).withSpecTag(dockerTag("latest", "quay.io/org/app:1", 1L))
                .withStatusTag(history("latest", event("quay.io/org/app@" + A, A, 1))));

        // when
        Optional<String> pullSpec = PullSpecs.resolvePullSpec(stream, "latest");

        // then
        assertThat(pullSpec).contains("quay.io/org/app@" + A);
    }

    @Test
    void localPullsThroughTheIntegratedRegistry() {
        // given
        ImageStream stream = stored(stream("app", 2)
                .withSpecTag(dockerTag("latest", "quay.io/org/app:1", 1L).withReferencePolicy(TagReferencePolicy.LOCAL))
                .withStatusTag(history("latest", event("quay.io/org/app@" + A, A, 1))));

        // when
        Optional<String> pullSpec = PullSpecs.resolvePullSpec(stream, "latest");

        // then
        assertThat(pullSpec).contains("registry.local:5000/demo/app@" + A);
    }

    @Test
    void localFallsBackToTheRecordedPullSpecWithoutImageIdOrRegistry() {
        // given
        ImageStream reference = stored(stream("app", 2)
                .withSpecTag(dockerTag("ref", "quay.io/org/app:1", 1L).withReference(true)
                        .withReferencePolicy(TagReferencePolicy.LOCAL))
                .withStatusTag(history("ref", event("quay.io/org/app:1", "", 1))));
        ImageStream noRegistry = stream("other", 2)
                .withSpecTag(dockerTag("latest", "quay.io/org/app:1", 1L).withReferencePolicy(TagReferencePolicy.LOCAL))
                .withStatusTag(history("latest", event("quay.io/org/app@" + A, A, 1)));
        new ImageStreamStrategy(RegistryHostnames.none(), () -> Instant.EPOCH).decorate(noRegistry);

        // when
        Optional<String> referencePullSpec = PullSpecs.resolvePullSpec(reference, "ref");
        Optional<String> noRegistryPullSpec = PullSpecs.resolvePullSpec(noRegistry, "latest");

        // then
        assertThat(referencePullSpec).contains("quay.io/org/app:1");
        assertThat(noRegistryPullSpec).contains("quay.io/org/app@" + A);
    }

    @Test
    void aTagWithoutSpecTagUsesTheRecordedPullSpec() {
        // given
        ImageStream stream = stored(stream("app", 2)
                .withStatusTag(history("pushed", event("registry.local:5000/demo/app@" + A, A, 1))));

        // when
        Optional<String> pullSpec = PullSpecs.resolvePullSpec(stream, "pushed");

        // then
        assertThat(pullSpec).contains("registry.local:5000/demo/app@" + A);
    }

    @Test
    void aTagWithoutHistoryHasNoPullSpec() {
        // given
        ImageStream stream = stored(stream("app", 2).withSpecTag(dockerTag("latest", "quay.io/org/app:1", 1L)));

        // when
        Optional<String> pullSpec = PullSpecs.resolvePullSpec(stream, "latest");

        // then
        assertThat(pullSpec).isEmpty();
    }
}
