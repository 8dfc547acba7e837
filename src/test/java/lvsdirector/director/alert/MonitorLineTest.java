package lvsdirector.director.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult;
import lvsdirector.check.Health;
import lvsdirector.config.AlertSettings;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;

class MonitorLineTest {
    static final ZonedDateTime TIME = ZonedDateTime.of(2026, 11, 25, 13, 28, 39, 0, ZoneOffset.UTC);

    static VirtualConfig virtual(CheckType type, String request, String receive) throws Exception {
        CheckSettings check = new CheckSettings(type, 0, ServiceType.HTTP, "/bin/true", request, receive, "", "", "", "",
                "GET", null, null, null, null, null, null, null);
        return new VirtualConfig(1, new VirtualAddress.HostPort("10.0.0.1", InetAddress.getByName("10.0.0.1"), "80", 80),
                false, VirtualProtocol.TCP, List.of(), check, new SchedulingSettings("wrr", null, null, null, false), null,
                null, null, null, AlertSettings.UNSET, "/tmp/m.log", null, null);
    }

    static RealConfig real(String ip, int weight) throws Exception {
        return new RealConfig(1, ip, InetAddress.getByName(ip), 80, Forwarding.GATE, weight, null, null, 0, 0);
    }

    static CheckOutcome outcome(Health health, String message) {
        CheckResult r = health == Health.UP ? CheckResult.ok(message, Duration.ZERO)
                : CheckResult.failed(CheckResult.FailureReason.TIMEOUT, message, Duration.ZERO);
        return new CheckOutcome(r, health, Transition.NONE, 0, 1);
    }

    @Test
    void matchesTheVerifiedLines() throws Exception {
        assertThat(MonitorLine.format(TIME, 729, virtual(CheckType.NEGOTIATE, "/index.html", "OK"), real("10.9.0.2", 5),
                outcome(Health.UP, "200 OK")))
                .isEqualTo("[Wed Nov 25 13:28:39 2026] [729] negotiate http tcp 10.9.0.2 80 5 gate /index.html OK [up] 200 OK\n");
        assertThat(MonitorLine.format(TIME.withSecond(41), 729, virtual(CheckType.NEGOTIATE, "/", ""), real("10.9.0.4", 1),
                outcome(Health.DOWN, "500 Timeout Alarm")))
                .isEqualTo("[Wed Nov 25 13:28:41 2026] [729] negotiate http tcp 10.9.0.4 80 1 gate /  [down] 500 Timeout Alarm\n");
    }

    @Test
    void singleDigitDaysArePaddedWithASpaceAndMessagesEscaped() throws Exception {
        String line = MonitorLine.format(TIME.withDayOfMonth(5), 1, virtual(CheckType.NEGOTIATE, "/", "a\\d"),
                real("10.9.0.2", 1), outcome(Health.DOWN, "50%|x\r\ny"));
        assertThat(line).startsWith("[Thu Nov  5 13:28:39 2026] [1] ")
                .contains(" / ad [down] ")
                .endsWith("[down] 50%25%7cx%0d%0ay\n");
        assertThat(MonitorLine.format(TIME, 1, virtual(CheckType.CONNECT, "/", ""), real("10.9.0.2", 1),
                outcome(Health.UP, ""))).endsWith("[up] -\n");
    }

    @Test
    void ipv6ColonsBecomeSpaces() throws Exception {
        RealConfig r = new RealConfig(1, "fd00:9::2", InetAddress.getByName("fd00:9::2"), 80, Forwarding.MASQ, 2, null,
                null, 0, 0);
        assertThat(MonitorLine.realId(virtual(CheckType.CONNECT, "/", "OK"), r))
                .isEqualTo("connect http tcp [fd00 9 2] 80 2 masq / OK");
    }

    @Test
    void notWrittenForOnExternalPerlAndFailedPings() throws Exception {
        assertThat(MonitorLine.written(virtual(CheckType.ON, "/", ""), outcome(Health.UP, "x"))).isFalse();
        assertThat(MonitorLine.written(virtual(CheckType.EXTERNAL_PERL, "/", ""), outcome(Health.UP, "x"))).isFalse();
        assertThat(MonitorLine.written(virtual(CheckType.PING, "/", ""), outcome(Health.DOWN, "x"))).isFalse();
        assertThat(MonitorLine.written(virtual(CheckType.PING, "/", ""), outcome(Health.UP, "x"))).isTrue();
        assertThat(MonitorLine.written(virtual(CheckType.NEGOTIATE, "/", ""), outcome(Health.DOWN, "x"))).isTrue();
    }
}
