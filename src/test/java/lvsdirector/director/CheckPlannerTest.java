package lvsdirector.director;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CombinedCheck;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.ExternalCheck;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.NoneCheck;
import lvsdirector.check.OffCheck;
import lvsdirector.check.OnCheck;
import lvsdirector.check.PingCheck;
import lvsdirector.check.text.SmtpCheck;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckPlannerTest {
    private static final InetAddress VIP = addr("10.0.0.1");
    private static final InetAddress RIP = addr("10.9.0.2");
    private static final InetAddress RIP6 = addr("fd00:9::2");

    /** A settings record with ldirectord's per-virtual defaults, to be varied per test. */
    private static CheckSettings settings(CheckType type, ServiceType service) {
        return new CheckSettings(type, 0, service, null, "/", "", null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static VirtualConfig virtual(int port, VirtualProtocol protocol, CheckSettings check) {
        return new VirtualConfig(1, new VirtualAddress.HostPort("10.0.0.1", VIP, Integer.toString(port), port),
                false, protocol, List.of(), check, new SchedulingSettings("wrr", null, null, null, false), null, null,
                null, null, AlertSettings.UNSET, null, null, null);
    }

    private static VirtualConfig virtual(CheckSettings check) {
        return virtual(80, VirtualProtocol.TCP, check);
    }

    private static RealConfig real(InetAddress address, int port, String request, String receive) {
        return new RealConfig(2, address.getHostAddress(), address, port, Forwarding.GATE, 1, request, receive, 0, 0);
    }

    private static RealConfig real(int port) {
        return real(RIP, port, null, null);
    }

    @Test
    void negotiateHttpUsesTheVirtualsRequestTheRipAsHostAndTheNegotiateTimeout() {
        CheckSettings s = new CheckSettings(CheckType.NEGOTIATE, 0, ServiceType.HTTP, null, "/health", "OK", null,
                null, null, null, "head", null, null, null, 3, 7, null, null);
        CheckJob job = CheckPlanner.plan(virtual(s), real(8080), Globals.DEFAULTS);

        assertThat(job.spec()).isEqualTo(new HttpCheck(RIP, 8080, "http://10.9.0.2:8080/health", "10.9.0.2",
                HttpCheck.Method.HEAD, "OK", Duration.ofSeconds(7), false));
        assertThat(job.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(job.failureCount()).isEqualTo(1);
        assertThat(job.maintenanceDir()).isNull();
    }

    @Test
    void perRealRequestAndReceiveWinEvenWhenTheRequestStartsWithSlash() {
        CheckSettings s = new CheckSettings(CheckType.NEGOTIATE, 0, ServiceType.HTTPS, null, "/index.html", "OK",
                null, null, null, null, null, "www.example.com", null, null, null, null, null, null);
        CheckJob job = CheckPlanner.plan(virtual(443, VirtualProtocol.TCP, s),
                real(RIP6, 0, "/alt.html", "B-ALT"), Globals.DEFAULTS);

        assertThat(job.spec()).isEqualTo(new HttpCheck(RIP6, 443, "https://[fd00:9::2]:443/alt.html",
                "www.example.com", HttpCheck.Method.GET, "B-ALT", Duration.ofSeconds(30), false));
    }

    @Test
    void perRealFullUrlIsUsedAsIsWithItsOwnHost() {
        CheckJob job = CheckPlanner.plan(virtual(settings(CheckType.NEGOTIATE, ServiceType.HTTP)),
                real(RIP, 80, "/http://status.example.com:81/x", "up"), Globals.DEFAULTS);

        HttpCheck http = (HttpCheck) job.spec();
        assertThat(http.url()).isEqualTo("http://status.example.com:81/x");
        assertThat(http.hostHeader()).isNull();
        assertThat(http.receive()).isEqualTo("up");
    }

    @Test
    void httpProxyFetchesTheAbsoluteRequestThroughTheReal() {
        CheckSettings s = new CheckSettings(CheckType.NEGOTIATE, 0, ServiceType.HTTP_PROXY, null,
                "/http://www.example.com/", "Example", null, null, null, null, null, null, null, null, null, null,
                null, null);
        CheckJob job = CheckPlanner.plan(virtual(3128, VirtualProtocol.TCP, s), real(0), Globals.DEFAULTS);

        assertThat(job.spec()).isEqualTo(new HttpCheck(RIP, 3128, "http://www.example.com/", null,
                HttpCheck.Method.GET, "Example", Duration.ofSeconds(30), true));
    }

    @Test
    void httpProxyWithoutAbsoluteUrlIsRejectedWithAClearMessage() {
        CheckSettings s = settings(CheckType.NEGOTIATE, ServiceType.HTTP_PROXY);
        assertThatThrownBy(() -> CheckPlanner.plan(virtual(3128, VirtualProtocol.TCP, s), real(0), Globals.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http_proxy needs an absolute URL");
    }

    @ParameterizedTest(name = "checkport={0} real port={1} service={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
        "8081, 8080, HTTP,  8081",
        "null, 8080, HTTP,  8080",
        "null, 0,    HTTPS, 443",
        "null, 0,    SMTP,  25",
        "null, 0,    NONE,  0"})
    void checkPortResolution(Integer checkPort, int realPort, ServiceType service, int expected) {
        CheckSettings s = new CheckSettings(CheckType.CONNECT, 0, service, null, "/", "", null, null, null, null,
                null, null, checkPort, null, null, null, null, null);
        CheckJob job = CheckPlanner.plan(virtual(s), real(realPort), Globals.DEFAULTS);
        assertThat(job.spec().port()).isEqualTo(expected);
    }

    @Test
    void connectUsesTheCheckTimeoutResolvedFromTheGlobals() {
        Globals g = withTimeouts(null, 12);
        CheckJob job = CheckPlanner.plan(virtual(settings(CheckType.CONNECT, ServiceType.HTTP)), real(80), g);
        assertThat(job.spec()).isEqualTo(new ConnectCheck(RIP, 80, Duration.ofSeconds(12)));
    }

    @Test
    void connectOnUdpIsAPing() {
        CheckJob job = CheckPlanner.plan(virtual(53, VirtualProtocol.UDP, settings(CheckType.CONNECT, ServiceType.DNS)),
                real(53), Globals.DEFAULTS);
        assertThat(job.spec()).isEqualTo(new PingCheck(RIP, 53, Duration.ofSeconds(5), 1));
    }

    @Test
    void onOffAndServiceNoneSendNothing() {
        assertThat(CheckPlanner.plan(virtual(settings(CheckType.ON, ServiceType.HTTP)), real(80), Globals.DEFAULTS)
                .spec()).isEqualTo(new OnCheck(RIP, 80));
        assertThat(CheckPlanner.plan(virtual(settings(CheckType.OFF, ServiceType.HTTP)), real(80), Globals.DEFAULTS)
                .spec()).isEqualTo(new OffCheck(RIP, 80));
        assertThat(CheckPlanner.plan(virtual(8888, VirtualProtocol.TCP, settings(CheckType.NEGOTIATE, null)),
                real(8888), Globals.DEFAULTS).spec()).isEqualTo(new NoneCheck(RIP, 8888));
    }

    @Test
    void serviceIsGuessedFromTheVirtualPortWhenNotSet() {
        CheckJob job = CheckPlanner.plan(virtual(settings(CheckType.NEGOTIATE, null)), real(0), Globals.DEFAULTS);
        assertThat(job.spec()).isInstanceOf(HttpCheck.class);
        assertThat(((HttpCheck) job.spec()).url()).isEqualTo("http://10.9.0.2:80/");
    }

    @Test
    void smtpNegotiatesOnTheServicePortWithinTheNegotiateTimeout() {
        CheckJob job = CheckPlanner.plan(virtual(25, VirtualProtocol.TCP, settings(CheckType.NEGOTIATE,
                ServiceType.SMTP)), real(0), Globals.DEFAULTS);
        assertThat(job.spec()).isEqualTo(new SmtpCheck(RIP, 25, Duration.ofSeconds(30)));
    }

    @Test
    void combinedPairsTheNegotiateWithAConnect() {
        CheckSettings s = new CheckSettings(CheckType.COMBINED, 3, ServiceType.HTTP, null, "/", "", null, null, null,
                null, null, null, null, null, 2, null, null, null);
        CheckJob job = CheckPlanner.plan(virtual(s), real(80), Globals.DEFAULTS);
        CombinedCheck combined = (CombinedCheck) job.spec();
        assertThat(combined.connectsPerNegotiate()).isEqualTo(3);
        assertThat(combined.connect()).isEqualTo(new ConnectCheck(RIP, 80, Duration.ofSeconds(2)));
        assertThat(combined.negotiate()).isInstanceOf(HttpCheck.class);
        assertThat(combined.negotiate().timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void externalGetsTheVirtualAndRealAsArguments() {
        CheckSettings s = new CheckSettings(CheckType.EXTERNAL, 0, ServiceType.HTTP, "/usr/local/bin/chk", "/", "",
                null, null, null, null, null, null, null, null, null, null, null, null);
        CheckJob job = CheckPlanner.plan(virtual(s), real(84), Globals.DEFAULTS);
        assertThat(((ExternalCheck) job.spec()).argv())
                .containsExactly("/usr/local/bin/chk", "10.0.0.1", "80", "10.9.0.2", "84");
    }

    @Test
    void externalOnAFwmarkPassesTheMarkAndPortZero() {
        CheckSettings s = settings(CheckType.EXTERNAL, ServiceType.NONE);
        VirtualConfig v = new VirtualConfig(1, new VirtualAddress.Fwmark(5), true, VirtualProtocol.FWM, List.of(), s,
                new SchedulingSettings("wrr", null, null, null, false), null, null, null, null, AlertSettings.UNSET,
                null, null, null);
        CheckJob job = CheckPlanner.plan(v, real(RIP6, 0, null, null), Globals.DEFAULTS);
        assertThat(((ExternalCheck) job.spec()).argv()).containsExactly("/bin/true", "5", "0", "[fd00:9::2]", "0");
    }

    @Test
    void intervalFailureCountAndMaintenanceDirComeFromTheEffectiveSettings() {
        CheckSettings s = new CheckSettings(CheckType.CONNECT, 0, ServiceType.HTTP, null, "/", "", null, null, null,
                null, null, null, null, 4, null, null, null, 3);
        Globals g = new Globals(null, null, 9, 1, 1, false, null, null, List.of(), true, false, false, false, true,
                null, null, null, AlertSettings.UNSET, null, "/var/lib/maint");
        CheckJob job = CheckPlanner.plan(virtual(s), real(80), g);
        assertThat(job.interval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(job.failureCount()).isEqualTo(3);
        assertThat(job.maintenanceDir()).isEqualTo(Path.of("/var/lib/maint"));
    }

    @Test
    void sameRealInTwoVirtualsWithSameSettingsPlansEqualJobs() {
        CheckSettings s = settings(CheckType.NEGOTIATE, ServiceType.HTTP);
        assertThat(CheckPlanner.plan(virtual(s), real(80), Globals.DEFAULTS))
                .isEqualTo(CheckPlanner.plan(virtual(s), real(80), Globals.DEFAULTS));
    }

    private static Globals withTimeouts(Integer checkTimeout, Integer negotiateTimeout) {
        Globals d = Globals.DEFAULTS;
        return new Globals(checkTimeout, negotiateTimeout, d.checkInterval(), d.checkCount(), d.failureCount(),
                d.autoreload(), d.callback(), d.logfile(), d.execute(), d.fork(), d.supervised(), d.quiescent(),
                d.readdQuiescent(), d.cleanstop(), d.fallback(), d.fallback6(), d.fallbackCommand(), d.alerts(),
                d.emailAlertFrom(), d.maintenanceDir());
    }

    private static InetAddress addr(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
