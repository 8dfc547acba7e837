package lvsdirector.director;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.text.FtpCheck;
import lvsdirector.check.text.ImapCheck;
import lvsdirector.check.text.NntpCheck;
import lvsdirector.check.text.PopCheck;
import lvsdirector.check.text.SimpleTcpCheck;
import lvsdirector.check.text.SipCheck;
import lvsdirector.check.text.SmtpCheck;
import lvsdirector.check.text.Transport;
import lvsdirector.config.AlertSettings;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;
import org.junit.jupiter.api.Test;

/** The planner maps the text services to their specs, with ldirectord's ports, credentials and timeouts. */
class TextCheckSpecsTest {
    private static final InetAddress VIP = InetAddress.getLoopbackAddress();
    private static final InetAddress RIP = InetAddress.getLoopbackAddress();
    private static final Duration NEGOTIATE = Duration.ofSeconds(7);

    private static CheckSpec plan(int virtualPort, VirtualProtocol protocol, ServiceType service, int realPort,
                                  String login, String passwd, String request, String receive) {
        CheckSettings settings = new CheckSettings(CheckType.NEGOTIATE, 0, service, null, request, receive, login,
                passwd, null, null, null, null, null, null, null, 7, null, null);
        VirtualConfig virtual = new VirtualConfig(1, new VirtualAddress.HostPort("127.0.0.1", VIP,
                Integer.toString(virtualPort), virtualPort), false, protocol, List.of(), settings,
                new SchedulingSettings("wrr", null, null, null, false), null, null, null, null, AlertSettings.UNSET,
                null, null, null);
        RealConfig real = new RealConfig(2, "127.0.0.1", RIP, realPort, Forwarding.GATE, 1, null, null, 0, 0);
        return CheckPlanner.plan(virtual, real, Globals.DEFAULTS).spec();
    }

    @Test
    void mailServicesUseTheirDefaultPortsAndTheNegotiateTimeout() {
        assertThat(plan(25, VirtualProtocol.TCP, null, 0, null, null, "/", ""))
                .isEqualTo(new SmtpCheck(RIP, 25, NEGOTIATE));
        assertThat(plan(587, VirtualProtocol.TCP, ServiceType.SUBMISSION, 0, null, null, "/", ""))
                .isEqualTo(new SmtpCheck(RIP, 587, NEGOTIATE));
        assertThat(plan(995, VirtualProtocol.TCP, null, 0, "bob", "pw", "/", ""))
                .isEqualTo(new PopCheck(RIP, 995, true, "bob", "pw", NEGOTIATE));
        assertThat(plan(110, VirtualProtocol.TCP, ServiceType.POP, 1110, null, null, "/", ""))
                .isEqualTo(new PopCheck(RIP, 1110, false, "", "", NEGOTIATE));
        assertThat(plan(993, VirtualProtocol.TCP, null, 0, "bob", "pw", "/", ""))
                .isEqualTo(new ImapCheck(RIP, 993, true, "bob", "pw", NEGOTIATE));
        assertThat(plan(143, VirtualProtocol.TCP, null, 0, null, null, "/", ""))
                .isEqualTo(new ImapCheck(RIP, 143, false, "", "", NEGOTIATE));
        assertThat(plan(119, VirtualProtocol.TCP, null, 0, null, null, "/", ""))
                .isEqualTo(new NntpCheck(RIP, 119, NEGOTIATE));
    }

    @Test
    void ftpCarriesRequestReceiveAndCredentials() {
        assertThat(plan(21, VirtualProtocol.TCP, ServiceType.FTP, 0, "anonymous", "me@x", "/pub/alive", "OK"))
                .isEqualTo(new FtpCheck(RIP, 21, "anonymous", "me@x", "/pub/alive", "OK", NEGOTIATE));
    }

    @Test
    void simpletcpAndSipFollowTheVirtualProtocol() {
        assertThat(plan(7000, VirtualProtocol.UDP, ServiceType.SIMPLETCP, 7001, null, null, "/PING", "PONG"))
                .isEqualTo(new SimpleTcpCheck(RIP, 7001, Transport.UDP, "/PING", "PONG", NEGOTIATE));
        assertThat(plan(5060, VirtualProtocol.TCP, ServiceType.SIP, 0, "probe@lb", null, "/", ""))
                .isEqualTo(new SipCheck(RIP, 5060, Transport.TCP, "probe@lb", NEGOTIATE));
        SipCheck guessed = (SipCheck) plan(5060, VirtualProtocol.UDP, null, 0, null, null, "/", "");
        assertThat(guessed.transport()).isEqualTo(Transport.UDP);
        assertThat(guessed.login()).startsWith("ldirectord@").isEqualTo(SipCheck.defaultLogin());
    }

    @Test
    void simpletcpWithoutAnyPortIsAClearError() {
        assertThatThrownBy(() -> plan(7000, VirtualProtocol.TCP, ServiceType.SIMPLETCP, 0, null, null, "/x", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service simpletcp needs a port to check");
    }
}
