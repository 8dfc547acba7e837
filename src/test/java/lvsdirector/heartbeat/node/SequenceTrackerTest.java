package lvsdirector.heartbeat.node;

import static lvsdirector.heartbeat.node.SequenceTracker.Verdict.AHEAD;
import static lvsdirector.heartbeat.node.SequenceTracker.Verdict.DUPLICATE;
import static lvsdirector.heartbeat.node.SequenceTracker.Verdict.GAP_FILLED;
import static lvsdirector.heartbeat.node.SequenceTracker.Verdict.IN_ORDER;
import static lvsdirector.heartbeat.node.SequenceTracker.Verdict.RESET;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void inOrderThenDuplicates() {
        assertThat(tracker.accept(5)).isEqualTo(IN_ORDER);
        assertThat(tracker.accept(6)).isEqualTo(IN_ORDER);
        assertThat(tracker.accept(6)).isEqualTo(DUPLICATE);
        assertThat(tracker.accept(3)).isEqualTo(DUPLICATE);
        assertThat(tracker.missing()).isEmpty();
    }

    @Test
    void outOfOrderPacketFillsItsGapExactlyOnce() {
        tracker.accept(1);
        assertThat(tracker.accept(4)).isEqualTo(AHEAD);
        assertThat(tracker.missing()).containsExactly(2L, 3L);
        assertThat(tracker.accept(3)).isEqualTo(GAP_FILLED);
        assertThat(tracker.accept(3)).isEqualTo(DUPLICATE);
        assertThat(tracker.accept(5)).as("in order but a gap is still open").isEqualTo(AHEAD);
        assertThat(tracker.accept(2)).isEqualTo(GAP_FILLED);
        assertThat(tracker.accept(6)).isEqualTo(IN_ORDER);
        assertThat(tracker.missing()).isEmpty();
    }

    @Test
    void hugeJumpResetsInsteadOfRecordingThousandsOfGaps() {
        tracker.accept(1);
        tracker.accept(3);
        assertThat(tracker.accept(3 + SequenceTracker.MAX_GAP + 1)).isEqualTo(RESET);
        assertThat(tracker.missing()).isEmpty();
        assertThat(tracker.accept(3 + SequenceTracker.MAX_GAP + 2)).isEqualTo(IN_ORDER);
    }

    @Test
    void forgottenGapIsNoLongerAccepted() {
        tracker.accept(1);
        tracker.accept(3);
        assertThat(tracker.forget(2)).isTrue();
        assertThat(tracker.accept(2)).isEqualTo(DUPLICATE);
    }
}
