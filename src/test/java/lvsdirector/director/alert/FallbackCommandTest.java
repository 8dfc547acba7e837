package lvsdirector.director.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import lvsdirector.config.AlertSettings;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;

class FallbackCommandTest {
    static VirtualConfig virtual(VirtualAddress address, boolean ipv6, VirtualProtocol protocol) {
        CheckSettings check = new CheckSettings(CheckType.ON, 0, null, null, "/", "", "", "", "", "", "GET", null, null,
                null, null, null, null, null);
        return new VirtualConfig(1, address, ipv6, protocol, List.of(), check,
                new SchedulingSettings("wrr", null, null, null, false), null, null, null, null, AlertSettings.UNSET, null,
                null, null);
    }

    @Test
    void commandLinesForAddressIpv6AndFwmarkVirtuals() throws Exception {
        assertThat(FallbackCommand.commandLine("\"/etc/ha.d/fb.sh\"", virtual(new VirtualAddress.HostPort("10.0.0.1",
                InetAddress.getByName("10.0.0.1"), "53", 53), false, VirtualProtocol.UDP), true))
                .isEqualTo("\"/etc/ha.d/fb.sh\" start 10.0.0.1:53 udp");
        assertThat(FallbackCommand.commandLine("/fb", virtual(new VirtualAddress.HostPort("fd00::1",
                InetAddress.getByName("fd00::1"), "80", 80), true, VirtualProtocol.TCP), false))
                .isEqualTo("/fb stop [fd00::1]:80 tcp");
        assertThat(FallbackCommand.commandLine("/fb", virtual(new VirtualAddress.Fwmark(7), false, VirtualProtocol.FWM), true))
                .isEqualTo("/fb start :0 fwm");
    }

    @Test
    void exitStatusIsReportedAndAHangingCommandIsKilledAtTheTimeout() {
        FallbackCommand fb = new FallbackCommand(Duration.ofMillis(300));
        assertThat(fb.run("exit 3")).isEqualTo(3);
        long t0 = System.nanoTime();
        assertThat(fb.run("sleep 20")).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
