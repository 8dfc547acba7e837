package lvsdirector.check.lib.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.OnContext;
import lvsdirector.check.RawServer;
import lvsdirector.check.lib.DnsCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static Vertx vertx;
    private static DnsProber prober;
    private static FakeDnsServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        prober = new DnsProber(vertx);
        server = new FakeDnsServer(Map.of(
                "A www.example.test", new byte[] {10, 1, 2, 3},
                "PTR 3.2.1.10.in-addr.arpa", "host.example.test"));
    }

    @AfterAll
    static void stop() {
        server.close();
        prober.close();
        vertx.close().await();
    }

    private CheckResult probe(DnsCheck check) {
        return OnContext.await(vertx, () -> prober.probe(check));
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void upWhenAnAddressMatches(boolean tcp) {
        CheckResult result = probe(new DnsCheck(LOOPBACK, server.port(), tcp, "www.example.test", "10\\.1\\.2\\.3",
                TIMEOUT));
        assertThat(result.success()).as(result.message()).isTrue();
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void downWhenNoAddressMatches(boolean tcp) {
        CheckResult result = probe(new DnsCheck(LOOPBACK, server.port(), tcp, "www.example.test", "10\\.9\\.9\\.9",
                TIMEOUT));
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(FailureReason.MISMATCH);
        assertThat(result.message()).contains("10.1.2.3");
    }

    @Test
    void emptyReceiveIsAlwaysDownAsInLdirectord() {
        CheckResult result = probe(new DnsCheck(LOOPBACK, server.port(), false, "www.example.test", "", TIMEOUT));
        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("no receive string");
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void ipAddressRequestIsAReverseLookup(boolean tcp) {
        assertThat(probe(new DnsCheck(LOOPBACK, server.port(), tcp, "10.1.2.3", "host\\.example", TIMEOUT))
                .success()).isTrue();
        assertThat(probe(new DnsCheck(LOOPBACK, server.port(), tcp, "10.1.2.3", "other", TIMEOUT)).success())
                .isFalse();
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void unknownNameIsDown(boolean tcp) {
        assertThat(probe(new DnsCheck(LOOPBACK, server.port(), tcp, "nope.example.test", ".", TIMEOUT)).success())
                .isFalse();
    }

    @Test
    void silentUdpServerFailsWithinTheTimeout() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, LOOPBACK)) {
            long start = System.nanoTime();
            CheckResult result = probe(new DnsCheck(LOOPBACK, silent.getLocalPort(), false, "www.example.test", ".",
                    Duration.ofMillis(500)));
            assertThat(result.success()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(4));
        }
    }

    @Test
    void hangingTcpServerFailsWithinTheTimeout() throws Exception {
        try (RawServer hanging = new RawServer(LOOPBACK, null)) {
            long start = System.nanoTime();
            CheckResult result = probe(new DnsCheck(LOOPBACK, hanging.port(), true, "www.example.test", ".",
                    Duration.ofMillis(500)));
            assertThat(result.success()).isFalse();
            assertThat(result.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(4));
        }
    }
}
