package lvsdirector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-real check counters: buckets by upper bound, the windowed maximum, reasons, text escaping. */
class RealCheckStatsTest {
    final RealCheckStats stats = new RealCheckStats();

    @Test
    void aDurationCountsInTheFirstBucketWhoseBoundHoldsIt() {
        stats.record(true, 1_000_000, 0);       // exactly 1 ms: le="0.001"
        stats.record(true, 1_000_001, 0);       // just over: le="0.005"
        stats.record(true, 11_000_000_000L, 0); // over 10 s: only +Inf
        RealCheckStats.Histogram h = stats.histogram(true, 0);
        assertThat(h.cumulative(0)).isEqualTo(1);
        assertThat(h.cumulative(1)).isEqualTo(2);
        assertThat(h.cumulative(RealCheckStats.BOUNDS_NANOS.length - 1)).isEqualTo(2);
        assertThat(h.count()).isEqualTo(3);
        assertThat(h.sumNanos()).isEqualTo(11_002_000_001L);
        assertThat(stats.histogram(false, 0).count()).isZero();
    }

    @Test
    void theMaximumCoversThisAndThePreviousWindowOnly() {
        long w = RealCheckStats.MAX_WINDOW_MILLIS;
        stats.record(false, 900, 10);
        stats.record(false, 300, w + 10);
        assertThat(stats.histogram(false, w + 20).maxNanos()).isEqualTo(900);
        assertThat(stats.histogram(false, 2 * w + 5).maxNanos()).isEqualTo(300);
        assertThat(stats.histogram(false, 5 * w).maxNanos()).isZero();
        assertThat(stats.histogram(false, 5 * w).count()).isEqualTo(2);
    }

    @Test
    void reasonsCountSeparatelyInTheOrderFirstSeen() {
        stats.failed("timeout");
        stats.failed("refused");
        stats.failed("timeout");
        RealCheckStats.Reasons r = stats.reasons();
        assertThat(r.names()).containsExactly("timeout", "refused");
        assertThat(r.counts()).containsExactly(2, 1);
    }

    @Test
    void labelValuesAreEscapedInTheText() {
        stats.record(true, 5, 0);
        stats.failed("odd\"reason\\");
        String text = CheckStatsText.of(Map.of(List.of("v\"1", "r\n1"), stats), 0);
        assertThat(text).contains("lvsdirector_check_duration_seconds_count{real=\"r\\n1\",result=\"success\",virtual=\"v\\\"1\"} 1")
                .contains("reason=\"odd\\\"reason\\\\\"")
                .contains("# TYPE lvsdirector_check_duration_seconds_max gauge");
        assertThat(CheckStatsText.of(Map.of(), 0)).isEmpty();
    }
}
