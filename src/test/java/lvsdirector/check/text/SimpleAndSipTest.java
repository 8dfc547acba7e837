package lvsdirector.check.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** simpletcp (TCP and UDP), sip (UDP and TCP) and nntp against scripted loopback servers. */
@Timeout(30)
class SimpleAndSipTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final TextProbes PROBES = new TextProbes();

    @AfterAll
    static void stop() {
        PROBES.close();
    }

    @Test
    void simpletcpSendsTheRequestHalfClosesAndFindsTheMatchingLine() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.line();
            c.line();
            if (c.line() == null) { // the half-close: EOF while the socket still writes
                c.send("hello\r\nstatus=UP load=3\r\n");
            }
        })) {
            CheckResult r = PROBES.probe(new SimpleTcpCheck(LOOPBACK, server.port(), Transport.TCP,
                    "/PING\\nSECOND\\n", "UP load=[0-9]+", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("simpletcp: status=UP load=3");
            assertThat(server.received()).containsExactly("PING", "SECOND");
        }
    }

    @Test
    void simpletcpDownWhenNoLineMatchesBeforeEof() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("DOWN\nstill DOWN"))) {
            CheckResult r = PROBES.probe(new SimpleTcpCheck(LOOPBACK, server.port(), Transport.TCP, "/x", "^UP",
                    TIMEOUT));
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo(FailureReason.MISMATCH);
            assertThat(r.message()).isEqualTo("simpletcp: no reply line matched ^UP");
        }
    }

    @Test
    void simpletcpMatchesALastLineWithoutNewline() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("a\nUP"))) {
            CheckResult r = PROBES.probe(new SimpleTcpCheck(LOOPBACK, server.port(), Transport.TCP, "/x", "^UP$",
                    TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
        }
    }

    @Test
    void simpletcpEmptyReceiveTakesAnyReplyButNotSilence() throws Exception {
        try (ScriptedServer talks = new ScriptedServer(c -> c.send("PONG\n"));
             ScriptedServer silent = new ScriptedServer(c -> { })) {
            CheckResult up = PROBES.probe(new SimpleTcpCheck(LOOPBACK, talks.port(), Transport.TCP, "/PING\\n", "",
                    TIMEOUT));
            assertThat(up.success()).as(up.message()).isTrue();
            CheckResult down = PROBES.probe(new SimpleTcpCheck(LOOPBACK, silent.port(), Transport.TCP, "/PING\\n",
                    "", TIMEOUT));
            assertThat(down.success()).isFalse();
            assertThat(down.message()).isEqualTo("simpletcp: connection closed without a reply");
        }
    }

    @Test
    void simpletcpPayloadStripsTheSlashAndTurnsBackslashNIntoLf() {
        SimpleTcpCheck c = new SimpleTcpCheck(LOOPBACK, 7, Transport.TCP, "/GET\\nx\\r", "", TIMEOUT);
        assertThat(new String(c.payload())).isEqualTo("GET\nx\\r");
    }

    @Test
    void simpletcpOverUdpJudgesEachDatagramsLines() throws Exception {
        try (UdpResponder server = new UdpResponder(req -> List.of("noise\n", "x\nSTATUS OK\n"))) {
            CheckResult r = PROBES.probe(new SimpleTcpCheck(LOOPBACK, server.port(), Transport.UDP, "/STATUS\\n",
                    "OK$", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("simpletcp: STATUS OK");
            assertThat(server.received()).containsExactly("STATUS\n");
        }
    }

    @Test
    void simpletcpOverUdpTimesOutWithoutAnAnswer() throws Exception {
        try (UdpResponder server = new UdpResponder(req -> null)) {
            Duration timeout = Duration.ofMillis(400);
            CheckResult r = PROBES.probe(new SimpleTcpCheck(LOOPBACK, server.port(), Transport.UDP, "/x", "",
                    timeout));
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(r.latency()).isBetween(timeout, timeout.plusSeconds(1));
        }
    }

    @Test
    void sipOverUdpSendsLdirectordsOptionsAndWantsA200() throws Exception {
        try (UdpResponder ok = new UdpResponder(req -> List.of("SIP/2.0 200 OK\r\nVia: x\r\n\r\n"));
             UdpResponder notFound = new UdpResponder(req -> List.of("SIP/2.0 404 Not Found\r\n\r\n"))) {
            CheckResult up = PROBES.probe(new SipCheck(LOOPBACK, ok.port(), Transport.UDP, "ldirectord@lb1", TIMEOUT));
            assertThat(up.success()).as(up.message()).isTrue();
            assertThat(up.message()).isEqualTo("SIP/2.0 200 OK");
            String request = ok.received().get(0);
            assertThat(request.split("\r\n", -1)).startsWith("OPTIONS sip:ldirectord@lb1 SIP/2.0")
                    .contains("Max-Forwards: 70", "To: <sip:ldirectord@lb1>",
                            "From: <sip:ldirectord@lb1>;tag=1928301774", "CSeq: 63104 OPTIONS",
                            "Contact: <sip:ldirectord@lb1>", "Accept: application/sdp", "Content-Length: 0")
                    .anyMatch(h -> h.matches("Via: SIP/2\\.0/UDP 127\\.0\\.0\\.1:[0-9]+;branch=z9hG4bKhjhs8ass877"))
                    .anyMatch(h -> h.matches("Call-ID: [0-9a-f]{16}"));
            assertThat(request).endsWith("\r\n\r\n");
            CheckResult down = PROBES.probe(new SipCheck(LOOPBACK, notFound.port(), Transport.UDP, "a@b", TIMEOUT));
            assertThat(down.success()).isFalse();
            assertThat(down.message()).isEqualTo("SIP OPTIONS answered: SIP/2.0 404 Not Found");
        }
    }

    @Test
    void sipOverTcp() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (!c.line().isEmpty()) {
                // read the request head
            }
            c.send("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        })) {
            CheckResult r = PROBES.probe(new SipCheck(LOOPBACK, server.port(), Transport.TCP, "a@b", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.received()).anyMatch(h -> h.startsWith("Via: SIP/2.0/TCP 127.0.0.1:"));
        }
    }

    @Test
    void nntpWantsAGreetingStartingWith2() throws Exception {
        try (ScriptedServer ok = new ScriptedServer(c -> c.send("200 news.test InterNetNews ready\r\n").line());
             ScriptedServer busy = new ScriptedServer(c -> c.send("400 service temporarily unavailable\r\n").hang());
             ScriptedServer closes = new ScriptedServer(c -> { })) {
            CheckResult up = PROBES.probe(new NntpCheck(LOOPBACK, ok.port(), TIMEOUT));
            assertThat(up.success()).as(up.message()).isTrue();
            assertThat(up.message()).isEqualTo("NNTP 200 news.test InterNetNews ready");
            CheckResult down = PROBES.probe(new NntpCheck(LOOPBACK, busy.port(), TIMEOUT));
            assertThat(down.success()).isFalse();
            assertThat(down.message()).isEqualTo("NNTP greeting does not start with 2: 400 service temporarily unavailable??");
            CheckResult closed = PROBES.probe(new NntpCheck(LOOPBACK, closes.port(), TIMEOUT));
            assertThat(closed.success()).isFalse();
            assertThat(closed.message()).isEqualTo("connection closed before the NNTP greeting");
        }
    }

    @Test
    void refusedConnectionsAreWordedLikeLdirectord() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        CheckResult r = PROBES.probe(new SmtpCheck(LOOPBACK, port, TIMEOUT));
        assertThat(r.success()).isFalse();
        assertThat(r.reason()).isEqualTo(FailureReason.REFUSED);
        assertThat(r.message()).isEqualTo("Can't connect to 127.0.0.1:" + port + " (Connection refused)");
    }
}
