package io.imagestreams.importer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagPriorityTest {

    @Test
    void latestThenMinorVersionsThenFullVersionsThenOthers() {
        // given
        List<String> tags = List.of("zeta", "1.2.3", "v2.0", "latest", "2.1", "alpha", "1.10", "2.0.0", "v1.2.3", "5.1-rc1");

        // when
        List<String> ordered = TagPriority.sort(tags);

        // then
        assertThat(ordered).containsExactly("latest", "5.1-rc1", "2.1", "v2.0", "1.10", "2.0.0", "1.2.3", "v1.2.3",
                "alpha", "zeta");
    }

    @Test
    void preReleasesRankBelowTheirRelease() {
        // given
        List<String> tags = List.of("1.0.0-rc.1", "1.0.0", "1.0.0-rc.2", "1.0.0-alpha");

        // when
        List<String> ordered = TagPriority.sort(tags);

        // then
        assertThat(ordered).containsExactly("1.0.0", "1.0.0-rc.2", "1.0.0-rc.1", "1.0.0-alpha");
    }

    @Test
    void leadingZerosAreNotVersions() {
        // given
        List<String> tags = List.of("01.2", "1.02.3", "b", "1.2");

        // when
        List<String> ordered = TagPriority.sort(tags);

        // then
        assertThat(ordered).containsExactly("1.2", "01.2", "1.02.3", "b");
    }
}
