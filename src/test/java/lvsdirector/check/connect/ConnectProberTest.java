package lvsdirector.check.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.PingCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static Vertx vertx;
    private static ConnectProber prober;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        prober = new ConnectProber(vertx);
    }

    @AfterAll
    static void stop() {
        prober.close();
        vertx.close().await();
    }

    private static CheckResult probe(ConnectCheck check) {
        return OnContext.await(vertx, () -> prober.probe(check));
    }

    @Test
    void listeningPortIsUp() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            CheckResult r = probe(new ConnectCheck(LOOPBACK, server.getLocalPort(), Duration.ofSeconds(2)));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("Connected to 127.0.0.1:" + server.getLocalPort());
        }
    }

    @Test
    void closedPortIsDownAsRefused() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            port = server.getLocalPort();
        }
        CheckResult r = probe(new ConnectCheck(LOOPBACK, port, Duration.ofSeconds(2)));
        assertThat(r.success()).isFalse();
        assertThat(r.reason()).isEqualTo(FailureReason.REFUSED);
        assertThat(r.message()).isEqualTo("Can't connect to 127.0.0.1:" + port + " (Connection refused)");
    }

    @Test
    void ipv6LoopbackWorks() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        ServerSocket server;
        try {
            server = new ServerSocket(0, 5, v6);
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback: " + e.getMessage());
            return;
        }
        try (server) {
            CheckResult r = probe(new ConnectCheck(v6, server.getLocalPort(), Duration.ofSeconds(2)));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("Connected to [::1]:" + server.getLocalPort());
        }
    }

    @Test
    void pingOfLoopbackIsUp() {
        PingProber ping = new PingProber(vertx);
        CheckResult r = OnContext.await(vertx, () -> ping.probe(new PingCheck(LOOPBACK, 0, Duration.ofSeconds(1), 1)));
        assertThat(r.success()).as(r.message()).isTrue();
    }
}
