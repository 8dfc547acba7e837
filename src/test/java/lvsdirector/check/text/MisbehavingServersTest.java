package lvsdirector.check.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.CheckSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TCP text check against servers that hang, trickle a byte a second, flood or talk garbage: each is a
 * clean "down" within the check's timeout, and a flood is never read in full (bounded memory).
 */
@Timeout(60)
class MisbehavingServersTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofMillis(600);
    /** Scheduling slack on a loaded 2-core machine shared with other builds. */
    private static final Duration SLACK = Duration.ofMillis(2500);
    private static final long FLOOD_BYTES = 256L << 20;
    private static final TextProbes PROBES = new TextProbes();

    /** Loads and compiles the code paths once, so the first case's timing is not the JVM's warm-up. */
    @BeforeAll
    static void warmUp() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("220 hi\r\n").answer("250 ok\r\n").line())) {
            assertThat(PROBES.probe(new SmtpCheck(LOOPBACK, server.port(), Duration.ofSeconds(5))).success()).isTrue();
        }
    }

    @AfterAll
    static void stop() {
        PROBES.close();
    }

    static Stream<Arguments> protocols() {
        List<Arguments> specs = List.of(
                Arguments.of("smtp", (IntFunction<CheckSpec>) p -> new SmtpCheck(LOOPBACK, p, TIMEOUT)),
                Arguments.of("pop", (IntFunction<CheckSpec>) p -> new PopCheck(LOOPBACK, p, false, "u", "p", TIMEOUT)),
                Arguments.of("imap", (IntFunction<CheckSpec>) p -> new ImapCheck(LOOPBACK, p, false, "u", "p", TIMEOUT)),
                Arguments.of("nntp", (IntFunction<CheckSpec>) p -> new NntpCheck(LOOPBACK, p, TIMEOUT)),
                Arguments.of("ftp", (IntFunction<CheckSpec>) p -> new FtpCheck(LOOPBACK, p, "", "", "/f", "", TIMEOUT)),
                Arguments.of("simpletcp", (IntFunction<CheckSpec>) p -> new SimpleTcpCheck(LOOPBACK, p, Transport.TCP,
                        "/x", "NEVER", TIMEOUT)),
                Arguments.of("sip", (IntFunction<CheckSpec>) p -> new SipCheck(LOOPBACK, p, Transport.TCP, "a@b",
                        TIMEOUT)));
        return specs.stream();
    }

    private static CheckResult probeAgainst(ScriptedServer.Script script, IntFunction<CheckSpec> spec)
            throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            CheckResult r = PROBES.probe(spec.apply(server.port()));
            assertThat(r.success()).as(r.message()).isFalse();
            assertThat(r.latency()).isLessThan(TIMEOUT.plus(SLACK));
            assertThat(server.errors()).isEmpty();
            return r;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void silentServerTimesOut(String name, IntFunction<CheckSpec> spec) throws Exception {
        CheckResult r = probeAgainst(ScriptedServer.Conn::hang, spec);
        assertThat(r.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(r.message()).isEqualTo("500 Timeout Alarm");
        assertThat(r.latency()).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void tricklingServerFailsWithinTheTimeout(String name, IntFunction<CheckSpec> spec) throws Exception {
        // "+", "2", "*" alone would pass for pop, nntp, imap: the greeting never completes
        probeAgainst(c -> c.trickle(name.equals("nntp") ? "x" : "220 slow"), spec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void floodWithoutLineBreaksIsCutShort(String name, IntFunction<CheckSpec> spec) throws Exception {
        AtomicLong sent = new AtomicLong();
        CheckResult r = probeAgainst(c -> sent.set(c.flood("x", FLOOD_BYTES)), spec);
        assertThat(r.reason()).isIn(FailureReason.BAD_RESPONSE, FailureReason.MISMATCH);
        assertThat(sent.get()).isLessThan(FLOOD_BYTES / 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void floodOfShortLinesIsCutShort(String name, IntFunction<CheckSpec> spec) throws Exception {
        AtomicLong sent = new AtomicLong();
        probeAgainst(c -> sent.set(c.flood(name.equals("smtp") || name.equals("ftp") ? "220-more\r\n" : "* x\r\n",
                FLOOD_BYTES)), spec);
        assertThat(sent.get()).isLessThan(FLOOD_BYTES / 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void binaryGarbageIsDown(String name, IntFunction<CheckSpec> spec) throws Exception {
        CheckResult r = probeAgainst(c -> {
            c.send("\u0000\u00ff\u0016\u0003\u0001garbage\r\n");
            c.hang();
        }, spec);
        assertThat(r.message()).doesNotContain("\u0000");
    }
}
