package lvsdirector.check.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import javax.net.ServerSocketFactory;
import lvsdirector.check.CheckResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The text checks on ::1: addresses in messages and SIP headers bracketed, FTP passive mode via EPSV. */
@Timeout(30)
class Ipv6Test {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static InetAddress loopback6;
    private static TextProbes probes;

    @BeforeAll
    static void start() throws IOException {
        loopback6 = InetAddress.getByName("::1");
        try (ServerSocket s = new ServerSocket(0, 1, loopback6)) {
            assumeTrue(s.getInetAddress() instanceof Inet6Address, "no IPv6 loopback");
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback: " + e);
        }
        probes = new TextProbes();
    }

    @AfterAll
    static void stop() {
        if (probes != null) {
            probes.close();
        }
    }

    @Test
    void smtpOverIpv6() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ServerSocketFactory.getDefault(), loopback6,
                c -> c.send("220 v6\r\n").answer("250 ok\r\n").line())) {
            CheckResult r = probes.probe(new SmtpCheck(loopback6, server.port(), TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
        }
    }

    @Test
    void sipViaHeaderBracketsTheLocalIpv6Address() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ServerSocketFactory.getDefault(), loopback6, c -> {
            while (!c.line().isEmpty()) {
                // request head
            }
            c.send("SIP/2.0 200 OK\r\n\r\n");
        })) {
            CheckResult r = probes.probe(new SipCheck(loopback6, server.port(), Transport.TCP, "a@b", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.received()).anyMatch(h -> h.matches("Via: SIP/2\\.0/TCP \\[::1\\]:[0-9]+;branch=.*"));
        }
    }

    @Test
    void ftpUsesEpsvOverIpv6() throws Exception {
        try (ServerSocket data = new ServerSocket(0, 1, loopback6);
             ScriptedServer server = new ScriptedServer(ServerSocketFactory.getDefault(), loopback6, c -> {
                 c.send("220 v6 ftp\r\n").answer("230 in\r\n").answer("250 ok\r\n").answer("200 ok\r\n")
                         .answer("229 Entering Extended Passive Mode (|||" + data.getLocalPort() + "|)\r\n");
                 try (Socket transfer = data.accept()) {
                     c.answer("150 here\r\n");
                     transfer.getOutputStream().write("alive\n".getBytes());
                 }
                 c.send("226 done\r\n").line();
             })) {
            CheckResult r = probes.probe(new FtpCheck(loopback6, server.port(), "", "", "/f", "alive", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.received()).contains("EPSV").doesNotContain("PASV");
        }
    }

    @Test
    void refusedIpv6ConnectNamesTheBracketedAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, loopback6)) {
            port = s.getLocalPort();
        }
        CheckResult r = probes.probe(new NntpCheck(loopback6, port, TIMEOUT));
        assertThat(r.message()).isEqualTo("Can't connect to [::1]:" + port + " (Connection refused)");
        assertThat(r.success()).isFalse();
    }
}
