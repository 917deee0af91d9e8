package io.imagestreams.stream.service.watch;

import io.imagestreams.stream.selector.LabelSelector;
import static io.imagestreams.stream.service.watch.WatchRows.listed;
import static io.imagestreams.stream.service.watch.WatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which event each change-log row becomes for one client: selector transitions and rows the list covered. */
class WatchViewTest {

    private static final Map<String, String> WEB = Map.of("tier", "web");
    private static final Map<String, String> DB = Map.of("tier", "db");
    private static final LabelSelector WEB_ONLY = LabelSelector.parse("tier=web");

    @Test
    void announcesObjectsEnteringAndLeavingTheSelectorAsAddedAndDeleted() {
        // given
        WatchView view = WatchView.listed(WEB_ONLY, List.of(listed("a", 5, WEB)));

        // when / then
        assertThat(view.decide(row(6, "MODIFIED", "a", WEB))).hasValue("MODIFIED");
        assertThat(view.decide(row(7, "MODIFIED", "a", DB))).hasValue("DELETED");
        assertThat(view.decide(row(8, "MODIFIED", "a", DB))).isEmpty();
        assertThat(view.decide(row(9, "MODIFIED", "a", WEB))).hasValue("ADDED");
        assertThat(view.decide(row(10, "DELETED", "a", WEB))).hasValue("DELETED");
        assertThat(view.decide(row(11, "ADDED", "b", DB))).isEmpty();
        assertThat(view.decide(row(12, "DELETED", "b", DB))).isEmpty();
    }

    @Test
    void dropsRowsTheInitialListAlreadyReflectsAndAddsOnesItMissed() {
        // given
        WatchView view = WatchView.listed(LabelSelector.everything(), List.of(listed("a", 5, WEB)));

        // when / then
        assertThat(view.decide(row(4, "ADDED", "a", WEB))).isEmpty();
        assertThat(view.decide(row(5, "MODIFIED", "a", WEB))).isEmpty();
        assertThat(view.decide(row(3, "ADDED", "late", WEB))).hasValue("ADDED");
        assertThat(view.decide(row(6, "MODIFIED", "a", DB))).hasValue("MODIFIED");
    }

    @Test
    void passesEveryRowOnOnceSettledWithoutALabelSelector() {
        // given
        WatchView view = WatchView.listed(LabelSelector.everything(), List.of(listed("a", 5, WEB)));

        // when
        view.settled();

        // then
        assertThat(view.decide(row(6, "MODIFIED", "a", WEB))).hasValue("MODIFIED");
        assertThat(view.decide(row(7, "DELETED", "gone", WEB))).hasValue("DELETED");
    }

    @Test
    void keepsTrackingSelectedObjectsAfterSettling() {
        // given
        WatchView view = WatchView.listed(WEB_ONLY, List.of(listed("a", 5, WEB)));

        // when
        view.settled();

        // then
        assertThat(view.decide(row(6, "MODIFIED", "a", DB))).hasValue("DELETED");
    }

    @Test
    void resumedViewAnnouncesAPossibleLeaveOnceAndThenKnows() {
        // given
        WatchView view = WatchView.resumed(WEB_ONLY);

        // when / then
        assertThat(view.decide(row(6, "MODIFIED", "a", WEB))).hasValue("MODIFIED");
        assertThat(view.decide(row(7, "MODIFIED", "b", DB))).hasValue("DELETED");
        assertThat(view.decide(row(8, "MODIFIED", "b", DB))).isEmpty();
        assertThat(view.decide(row(9, "ADDED", "c", DB))).isEmpty();
        assertThat(view.decide(row(10, "DELETED", "d", DB))).isEmpty();
        assertThat(view.decide(row(11, "DELETED", "e", WEB))).hasValue("DELETED");
        assertThat(view.decide(row(12, "MODIFIED", "a", DB))).hasValue("DELETED");
    }

    @Test
    void resumedViewDropsARowReadTwiceDuringCatchUp() {
        // given
        WatchView view = WatchView.resumed(LabelSelector.everything());
        view.decide(row(6, "ADDED", "a", WEB));

        // when / then
        assertThat(view.decide(row(6, "ADDED", "a", WEB))).isEmpty();
        assertThat(view.decide(row(7, "MODIFIED", "a", WEB))).hasValue("MODIFIED");
    }
}
