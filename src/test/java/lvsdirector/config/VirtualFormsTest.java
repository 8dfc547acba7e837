package lvsdirector.config;

import static lvsdirector.config.TestParsing.firstError;
import static lvsdirector.config.TestParsing.onlyVirtual;
import static lvsdirector.config.TestParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** virtual= / virtual6= header forms, per-virtual defaults and the block-end checks. */
class VirtualFormsTest {
    @TempDir
    Path root;

    private static final String REAL = "\treal=10.0.0.2:80 gate\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            virtual=10.0.0.1:80          | tcp:10.0.0.1:80     | http
            virtual = 10.0.0.1:http      | tcp:10.0.0.1:80     | http
            virtual=10.0.0.1:53          | udp:10.0.0.1:53     | dns
            virtual=10.0.0.1:domain      | udp:10.0.0.1:53     | dns
            virtual=10.0.0.1:053         | tcp:10.0.0.1:53     | dns
            virtual=10.0.0.1:8080        | tcp:10.0.0.1:8080   | none
            virtual=10.0.0.1:443 junk    | tcp:10.0.0.1:443    | https
            virtual=vip.example:25       | tcp:192.0.2.1:25    | smtp
            virtual=localhost:5432       | tcp:127.0.0.1:5432  | pgsql
            virtual=7                    | fwm:7               | none
            virtual=10.0.0.1             | fwm:10              | none
            virtual6=[2001:db8::1]:80    | tcp:[2001:db8::1]:80 | http
            virtual6=vip.example:443     | tcp:[2001:db8::1]:443 | https
            virtual6=localhost:53        | udp:[::1]:53        | dns
            virtual6=3                   | fwm6:3              | none
            """)
    void headerForms(String header, String id, String service) {
        String realLine = header.startsWith("virtual6") ? "\treal6=[fd00::2]:80 gate\n" : REAL;
        VirtualConfig v = onlyVirtual(root, header + "\n" + realLine);
        assertThat(v.id()).isEqualTo(id);
        assertThat(v.check().service().word()).isEqualTo(service);
        assertThat(v.line()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            virtual=[::1]:80              | 1: cannot specify an IPv6 address here. please use "virtual6" instead.
            virtual6=[1:::2]:80           | 1: invalid ipv6 address for virtual server
            virtual6=[12345::1]:80        | 1: invalid ipv6 address for virtual server
            virtual=@foo                  | 1: invalid address for virtual server
            virtual=                      | 1: invalid address for virtual server
            virtual=nowhere.invalid:80    | 1: invalid address for virtual service
            virtual=10.0.0.1:nosuchport   | 1: invalid address for virtual service
            virtual=10.0.0.1:65536        | 1: invalid address for virtual service
            virtual6=10.0.0.1:80          | 1: invalid address for virtual service
            virtual6=web1.example:80      | 1: invalid address for virtual service
            """)
    void rejectedHeaders(String header, String error) {
        String realLine = header.startsWith("virtual6") ? "\treal6=[fd00::2]:80 gate\n" : REAL;
        assertThat(firstError(root, header + "\n" + realLine + "\tscheduler=rr\n")).isEqualTo(error);
    }

    @Test
    void bareAddressIsAFirewallMarkWithOurWarningNamingTheLine() {
        ParseResult r = parse(root, "fork=no\nvirtual=10.0.0.1\n\treal=10.0.0.2 gate\n", ParseMode.FIRST_ERROR);
        VirtualConfig v = r.config().virtuals().get(0);
        assertThat(v.address()).isEqualTo(new VirtualAddress.Fwmark(10));
        assertThat(v.protocol()).isEqualTo(VirtualProtocol.FWM);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(OwnWarnings.isOwn(w)).isTrue();
            assertThat(w.message()).contains("virtual=10.0.0.1", "firewall mark 10");
        });
    }

    @Test
    void duplicateIsReportedAtTheLineThatEndedTheBlock() {
        String text = "virtual=10.0.0.1:80\n" + REAL + "virtual=10.0.0.1:http\n" + REAL + "\n# tail\n";
        assertThat(firstError(root, text)).isEqualTo("5: duplicate virtual server");
        // ended by end of file: the last line read
        assertThat(firstError(root, "virtual=7\n" + REAL + "virtual=7\n" + REAL + "\t# trailing comment\n"))
                .isEqualTo("5: duplicate virtual server");
    }

    @Test
    void sameAddressDifferentProtocolIsNoDuplicate() {
        assertThat(TestParsing.parseOk(root, "virtual=10.0.0.1:80\n" + REAL + "virtual=10.0.0.1:80\n" + REAL
                + "\tprotocol=udp\n").virtuals()).hasSize(2);
        assertThat(TestParsing.parseOk(root, "virtual=7\n" + REAL + "virtual6=7\n\treal6=[::1] gate\n").virtuals())
                .hasSize(2);
    }

    @Test
    void perVirtualDefaultsAreLdirectords() {
        VirtualConfig v = onlyVirtual(root, "virtual=10.0.0.1:80\n" + REAL);
        CheckSettings c = v.check();
        assertThat(c.checkType()).isEqualTo(CheckType.NEGOTIATE);
        assertThat(c.checkCommand()).isEqualTo("/bin/true");
        assertThat(c.request()).isEqualTo("/");
        assertThat(c.receive()).isEmpty();
        assertThat(c.login()).isEmpty();
        assertThat(c.httpMethod()).isEqualTo("GET");
        assertThat(c.virtualHost()).isNull();
        assertThat(c.checkTimeout()).isNull();
        assertThat(v.scheduling()).isEqualTo(new SchedulingSettings("wrr", null, null, null, false));
        assertThat(v.quiescent()).isNull();
        assertThat(v.alerts()).isEqualTo(AlertSettings.UNSET);
        assertThat(v.address()).isInstanceOfSatisfying(VirtualAddress.HostPort.class, hp -> {
            assertThat(hp.portText()).isEqualTo("80");
            assertThat(hp.port()).isEqualTo(80);
        });
    }

    @Test
    void fwmarkBlockWithAServiceNamePortForItsFallbackFails() {
        // the per-virtual fallback port name is looked up for protocol "fwm", which has no services
        assertThat(firstError(root, "virtual=7\n" + REAL + "\tfallback=127.0.0.1:http\n"))
                .isEqualTo("3: invalid port for fallback server");
    }

    @Test
    void perVirtualFallbackInheritsTheVirtualPort() {
        VirtualConfig v = onlyVirtual(root, "virtual=10.0.0.1:https\n" + REAL + "\tfallback=127.0.0.1 masq\n");
        assertThat(v.fallback().port()).isEqualTo(443);
        assertThat(v.fallback().forwarding()).isEqualTo(Forwarding.MASQ);
        assertThat(onlyVirtual(root, "virtual=7\n" + REAL + "\tfallback=127.0.0.1\n").fallback().port()).isZero();
    }

    @Test
    void resolutionErrorsUseTheirOwnLines() {
        String text = "virtual=10.0.0.1:80\n" + REAL + "\tfallback=nowhere.invalid:80\n\tscheduler=rr\n";
        assertThat(firstError(root, text))
                .isEqualTo("3: invalid IPv4 address or could not resolve for fallback server: nowhere.invalid");
        assertThat(firstError(root, "virtual=10.0.0.1:80\n" + REAL + "\treal=nowhere.invalid:80 gate\n\n"))
                .isEqualTo("3: invalid address (nowhere.invalid) for real server (could not resolve host)");
    }
}
