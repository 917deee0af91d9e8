package io.imagestreams.stream.service.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.stream.service.watch.WatchLog.Retained;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a watch's resourceVersion is too old for the change log (the API server's 410 Expired). */
class RetainedTest {

    @Test
    void aVersionJustBeforeTheOldestKeptRowCanResume() {
        Retained retained = new Retained(Optional.of(100L), 120);

        assertThat(retained.tooOld(99)).isEmpty();
        assertThat(retained.tooOld(150)).isEmpty();
        assertThat(retained.tooOld(98)).hasValue("too old resource version: 98 (99)");
    }

    @Test
    void anEmptyLogKeepsOnlyTheCurrentVersion() {
        Retained retained = new Retained(Optional.empty(), 120);

        assertThat(retained.tooOld(120)).isEmpty();
        assertThat(retained.tooOld(119)).hasValue("too old resource version: 119 (120)");
    }
}
