package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Sub-second timing ({@code keepalive 100ms}, {@code deadtime 500ms}): statuses leave every keepalive, not
 * every keepalive rounded up to the next tick, and a silent peer is declared dead within one tick of its
 * dead time, so a failover is not slowed by the loop's granularity.
 */
class SubSecondTimingTest {
    private static MembershipSettings timing(long keepaliveMs, long deadtimeMs) {
        return new MembershipSettings("nodeb", List.of("nodea", "nodeb"), Duration.ofMillis(keepaliveMs), Duration.ofMillis(deadtimeMs),
                Duration.ofMillis(deadtimeMs / 2), Duration.ofSeconds(12), Duration.ofMillis(250));
    }

    @ParameterizedTest(name = "keepalive {0} ms -> tick {1} ms")
    @CsvSource({"1000, 100", "2000, 100", "200, 50", "100, 25", "20, 10", "10, 10"})
    void theLoopTicksAQuarterKeepaliveBetweenTenAndAHundredMillis(long keepaliveMs, long tickMs) {
        assertThat(timing(keepaliveMs, keepaliveMs * 5).tickPeriod()).isEqualTo(Duration.ofMillis(tickMs));
    }

    @Test
    void statusesKeepTheKeepaliveGridWhenTicksComeAtOddTimes() {
        MembershipHarness h = new MembershipHarness(null, timing(100, 500));
        h.membership.start();
        // a timer that fires every 27 ms: rescheduling from the late tick would make every interval 108 ms
        for (int i = 0; i < 10_000 / 27; i++) {
            h.now += 27_000_000L;
            h.membership.tick();
        }
        // init + up at start, then one per 100 ms over 9.99 s: 99 (only 92 with 108 ms intervals)
        assertThat(h.sentOfType("status")).hasSize(2 + 99);
    }

    @Test
    void aSilentPeerIsDeadWithinOneTickOfItsAdvertisedDeadtime() {
        MembershipHarness h = new MembershipHarness(null, timing(100, 500));
        h.membership.start();
        h.membership.receive(h.fromA(lvsdirector.heartbeat.wire.Field.string("t", "status"), lvsdirector.heartbeat.wire.Field.string("st", "active"),
                lvsdirector.heartbeat.wire.Field.string("dt", "1f4"), lvsdirector.heartbeat.wire.Field.string("protocol", "1")));
        long lastStatus = h.now;
        while (!h.events.contains("dead nodea")) {
            h.advanceMillis(1);
            assertThat(h.now - lastStatus).as("nanos since the last status").isLessThan(2_000_000_000L);
        }
        long deadAfterMs = (h.now - lastStatus) / 1_000_000;
        assertThat(deadAfterMs).isGreaterThan(500).isLessThanOrEqualTo(500 + 25);
    }
}
