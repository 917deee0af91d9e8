package io.imagestreams.stream.service.watch;

import static io.imagestreams.stream.service.watch.WatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rows committed after higher versions were read are still delivered, each exactly once. */
class LookBackWindowTest {

    private static final long LOOK_BACK = TimeUnit.SECONDS.toNanos(30);
    private static final long T0 = 1_000_000_000L;

    @Test
    void asksForTheGapALateCommitLeavesAndDeliversItOnce() {
        // given
        LookBackWindow window = new LookBackWindow(LOOK_BACK, 10, List.of(), T0);

        // when: 12 commits before 11
        List<WatchRow> first = window.record(List.of(row(12, "ADDED", "b", Map.of())), T0 + 1);

        // then
        assertThat(first).extracting(WatchRow::resourceVersion).containsExactly(12L);
        assertThat(window.highest()).isEqualTo(12);
        assertThat(window.gaps()).containsExactly(11L);

        // when: 11 commits
        window.advance(T0 + 2);
        List<WatchRow> second = window.record(List.of(row(11, "ADDED", "a", Map.of()), row(12, "ADDED", "b", Map.of())), T0 + 2);

        // then
        assertThat(second).extracting(WatchRow::resourceVersion).containsExactly(11L);
        assertThat(window.gaps()).isEmpty();
        assertThat(window.horizon()).isEqualTo(10);
    }

    @Test
    void givesUpAGapOnlyOnceAHigherVersionWasReadTheLookBackAgo() {
        // given: 11 and 13 read at start, 14 read half a look-back later; 12 never commits
        LookBackWindow window = new LookBackWindow(LOOK_BACK, 10, List.of(11L, 13L), T0);
        window.record(List.of(row(14, "ADDED", "b", Map.of())), T0 + LOOK_BACK / 2);

        // when / then
        window.advance(T0 + LOOK_BACK - 1);
        assertThat(window.horizon()).isEqualTo(10);
        assertThat(window.gaps()).containsExactly(12L);

        window.advance(T0 + LOOK_BACK);
        assertThat(window.horizon()).isEqualTo(13);
        assertThat(window.gaps()).isEmpty();

        window.advance(T0 + LOOK_BACK + LOOK_BACK / 2);
        assertThat(window.horizon()).isEqualTo(14);
        assertThat(window.highest()).isEqualTo(14);
    }

    @Test
    void ignoresRowsAtOrBelowTheHorizon() {
        LookBackWindow window = new LookBackWindow(LOOK_BACK, 10, List.of(9L, 12L), T0);

        assertThat(window.gaps()).containsExactly(11L);
        assertThat(window.record(List.of(row(10, "ADDED", "a", Map.of())), T0)).isEmpty();
    }

    @Test
    void asksForAtMostTheNewestGapsWhenVersionsWereUsedElsewhere() {
        LookBackWindow window = new LookBackWindow(LOOK_BACK, 0, List.of(1_000_000L), T0);

        Long[] gaps = window.gaps();

        assertThat(gaps).hasSize(LookBackWindow.MAX_GAPS);
        assertThat(gaps[0]).isEqualTo(999_999L);
    }
}
