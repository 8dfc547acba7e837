package lvsdirector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import lvsdirector.metrics.DirectorMetrics.ReloadOutcome;
import lvsdirector.metrics.StatusReport.Health;
import org.junit.jupiter.api.Test;

/** The registry's content after scripted events, as a Prometheus server would read it. */
class DirectorMetricsTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String WEB = "tcp:192.0.2.1:80";
    static final String A = "127.0.0.1:8001";
    static final String B = "127.0.0.1:8002";
    static final String WA = "real=\"" + A + "\",virtual=\"" + WEB + "\"";
    static final String WB = "real=\"" + B + "\",virtual=\"" + WEB + "\"";

    final DirectorMetrics metrics = new DirectorMetrics(Clock.fixed(NOW, ZoneOffset.UTC));

    static StatusReport report(List<StatusReport.Virtual> virtuals) {
        return new StatusReport("running", NOW, virtuals, StatusReport.NOT_AVAILABLE, StatusReport.NOT_AVAILABLE);
    }

    static StatusReport.Real real(String server, Health health, Integer weight) {
        return new StatusReport.Real(server, health, weight, null, NOW, null);
    }

    static StatusReport twoReals(Health a, Integer weightA, boolean fallback) {
        return report(List.of(new StatusReport.Virtual(WEB, "192.0.2.1:80", fallback,
                List.of(real(A, a, weightA), real(B, Health.UP, 2)))));
    }

    @Test
    void checkLatencyIsAHistogramPerRealAndResult() {
        metrics.checkCompleted(WEB, A, true, Duration.ofMillis(3), null, "200 OK");
        metrics.checkCompleted(WEB, A, true, Duration.ofMillis(40), null, "200 OK");
        metrics.checkCompleted(WEB, A, false, Duration.ofSeconds(5), "TIMEOUT", "timed out");
        Map<String, Double> s = Scrape.samples(metrics.scrape(twoReals(Health.UP, 3, false)));

        String ok = "lvsdirector_check_duration_seconds_bucket{" + WA.replace(",virtual", ",result=\"success\",virtual")
                + ",le=\"%s\"}";
        assertThat(s).contains(
                entry(ok.formatted("0.001"), 0.0),
                entry(ok.formatted("0.005"), 1.0),
                entry(ok.formatted("0.05"), 2.0),
                entry(ok.formatted("+Inf"), 2.0),
                entry("lvsdirector_check_duration_seconds_count{" + WA.replace(",virtual", ",result=\"success\",virtual") + "}", 2.0),
                entry("lvsdirector_check_duration_seconds_count{" + WA.replace(",virtual", ",result=\"failure\",virtual") + "}", 1.0),
                entry("lvsdirector_check_duration_seconds_sum{" + WA.replace(",virtual", ",result=\"failure\",virtual") + "}", 5.0));
    }

    @Test
    void failuresAreCountedByReasonAndTheLastOneIsKept() {
        metrics.checkCompleted(WEB, A, false, Duration.ofMillis(1), "REFUSED", "Connection refused");
        metrics.checkCompleted(WEB, A, false, Duration.ofMillis(1), "REFUSED", "Connection refused");
        metrics.checkCompleted(WEB, A, false, Duration.ofSeconds(5), "TIMEOUT", "timed out");
        metrics.checkCompleted(WEB, B, true, Duration.ofMillis(1), null, "200 OK");
        Map<String, Double> s = Scrape.samples(metrics.scrape(twoReals(Health.DOWN, 0, false)));

        assertThat(s).contains(
                entry("lvsdirector_check_failures_total{" + WA.replace(",virtual", ",reason=\"refused\",virtual") + "}", 2.0),
                entry("lvsdirector_check_failures_total{" + WA.replace(",virtual", ",reason=\"timeout\",virtual") + "}", 1.0));
        assertThat(s.keySet()).noneMatch(k -> k.startsWith("lvsdirector_check_failures_total") && k.contains(B));
        assertThat(metrics.lastFailure(WEB, A)).isEqualTo(new StatusReport.LastFailure("timeout", "timed out", NOW));
        assertThat(metrics.lastFailure(WEB, B)).isNull();
    }

    @Test
    void stateGaugesFollowTheStatus() {
        Map<String, Double> s = Scrape.samples(metrics.scrape(twoReals(Health.DOWN, 0, false)));
        assertThat(s).contains(
                entry("lvsdirector_real_up{" + WA + "}", 0.0),
                entry("lvsdirector_real_up{" + WB + "}", 1.0),
                entry("lvsdirector_real_weight{" + WA + "}", 0.0),
                entry("lvsdirector_real_weight{" + WB + "}", 2.0),
                entry("lvsdirector_virtual_reals{virtual=\"" + WEB + "\"}", 2.0),
                entry("lvsdirector_virtual_live_reals{virtual=\"" + WEB + "\"}", 1.0),
                entry("lvsdirector_virtual_fallback_active{virtual=\"" + WEB + "\"}", 0.0),
                entry("lvsdirector_daemon_state{drbd=\"n/a\",heartbeat=\"n/a\",status=\"running\"}", 1.0));

        s = Scrape.samples(metrics.scrape(report(List.of(new StatusReport.Virtual(WEB, "192.0.2.1:80", true,
                List.of(real(A, Health.DOWN, null), real(B, Health.DOWN, 0)))))));
        assertThat(s).contains(
                entry("lvsdirector_real_up{" + WB + "}", 0.0),
                entry("lvsdirector_real_weight{" + WA + "}", 0.0),
                entry("lvsdirector_virtual_live_reals{virtual=\"" + WEB + "\"}", 0.0),
                entry("lvsdirector_virtual_fallback_active{virtual=\"" + WEB + "\"}", 1.0));
    }

    @Test
    void aRealNotCheckedYetHasNoUpSeries() {
        Map<String, Double> s = Scrape.samples(metrics.scrape(twoReals(Health.UNKNOWN, null, false)));
        assertThat(s).doesNotContainKey("lvsdirector_real_up{" + WA + "}").containsKey("lvsdirector_real_up{" + WB + "}");
    }

    @Test
    void aRealOrVirtualRemovedByAReloadLeavesNoSeries() {
        metrics.checkCompleted(WEB, A, false, Duration.ofMillis(1), "REFUSED", "Connection refused");
        metrics.checkCompleted(WEB, B, true, Duration.ofMillis(1), null, "200 OK");
        metrics.scrape(twoReals(Health.DOWN, 0, false));

        String onlyB = metrics.scrape(report(List.of(new StatusReport.Virtual(WEB, "192.0.2.1:80", false,
                List.of(real(B, Health.UP, 2))))));
        assertThat(onlyB).doesNotContain(A).contains(B);
        assertThat(metrics.lastFailure(WEB, A)).isNull();

        String none = metrics.scrape(report(List.of()));
        assertThat(none).doesNotContain(WEB).contains("lvsdirector_daemon_state");
    }

    @Test
    void operationsRoundsAndReloadsAreCounted() {
        metrics.ipvsOperation("add_service", null);
        metrics.ipvsOperation("add_destination", null);
        metrics.ipvsOperation("add_destination", "EEXIST");
        metrics.roundFinished("start", true);
        metrics.roundFinished("round", true);
        metrics.roundFinished("round", false);
        metrics.reloadFinished(ReloadOutcome.APPLIED);
        metrics.reloadFinished(ReloadOutcome.REJECTED);
        metrics.reloadFinished(ReloadOutcome.REJECTED);
        Map<String, Double> s = Scrape.samples(metrics.scrape(report(List.of())));

        assertThat(s).contains(
                entry("lvsdirector_ipvs_operations_total{operation=\"add_service\"}", 1.0),
                entry("lvsdirector_ipvs_operations_total{operation=\"add_destination\"}", 2.0),
                entry("lvsdirector_ipvs_errors_total{errno=\"EEXIST\",operation=\"add_destination\"}", 1.0),
                entry("lvsdirector_rounds_total{kind=\"start\",result=\"ok\"}", 1.0),
                entry("lvsdirector_rounds_total{kind=\"round\",result=\"ok\"}", 1.0),
                entry("lvsdirector_rounds_total{kind=\"round\",result=\"failed\"}", 1.0),
                entry("lvsdirector_reloads_total{outcome=\"applied\"}", 1.0),
                entry("lvsdirector_reloads_total{outcome=\"rejected\"}", 2.0),
                entry("lvsdirector_last_successful_round_timestamp_seconds", NOW.getEpochSecond() * 1.0));
        assertThat(s.keySet()).noneMatch(k -> k.startsWith("lvsdirector_ipvs_errors_total{errno=\"EEXIST\",operation=\"add_service\""));
    }

    @Test
    void theLastSuccessfulRoundIsZeroBeforeAnyAndIgnoresFailedRounds() {
        metrics.roundFinished("start", false);
        assertThat(Scrape.samples(metrics.scrape(report(List.of()))))
                .containsEntry("lvsdirector_last_successful_round_timestamp_seconds", 0.0);
    }

    @Test
    void everyMetricHasHelpText() {
        metrics.checkCompleted(WEB, A, false, Duration.ofMillis(1), "REFUSED", "refused");
        metrics.ipvsOperation("add_service", "EPERM");
        metrics.roundFinished("round", true);
        metrics.reloadFinished(ReloadOutcome.FAILED);
        String text = metrics.scrape(twoReals(Health.UP, 3, true));
        List<String> names = text.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(n -> assertThat(text).containsPattern("(?m)^# HELP " + n + " \\S"));
    }
}
