package lvsdirector.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.RawServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plain http on the bare channel: what goes on the wire, and the answers only a raw server can give. */
@Timeout(30)
class PlainHttpExchangeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static Vertx vertx;
    private static HttpProber prober;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        prober = new HttpProber(vertx, 64);
    }

    @AfterAll
    static void stop() {
        prober.close();
        vertx.close().await();
    }

    private static CheckResult probe(RawServer server, String receive, HttpCheck.Method method) {
        HttpCheck check = new HttpCheck(LOOPBACK, server.port(), "http://127.0.0.1:" + server.port() + "/st?x=1",
                "127.0.0.1", method, receive, Duration.ofSeconds(5), false);
        return OnContext.await(vertx, () -> prober.probe(check));
    }

    @Test
    void sendsOneRequestWithLdirectordsHeadersAndConnectionClose() throws IOException {
        try (RawServer server = new RawServer(LOOPBACK, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nup!!")) {
            CheckResult r = probe(server, "up", HttpCheck.Method.GET);
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("200 OK");
            assertThat(server.requests()).singleElement().asString()
                    .startsWith("GET /st?x=1 HTTP/1.1\r\n")
                    .containsIgnoringCase("host: 127.0.0.1\r\n")
                    .containsIgnoringCase("user-agent: " + HttpExchange.USER_AGENT + "\r\n")
                    .containsIgnoringCase("connection: close\r\n");
        }
    }

    @Test
    void aChunkedBodyIsMatchedDecodedAndTheServersReasonPhraseKept() throws IOException {
        try (RawServer server = new RawServer(LOOPBACK,
                "HTTP/1.1 200 Fine Here\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhea\r\n4\r\nlthy\r\n0\r\n\r\n")) {
            CheckResult r = probe(server, "healthy", HttpCheck.Method.GET);
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("200 Fine Here");
        }
    }

    @Test
    void aCloseDelimitedBodyIsMatchedOnlyUpToTheLimit() throws IOException {
        String filler = "x".repeat(64);
        try (RawServer server = new RawServer(LOOPBACK, "HTTP/1.0 200 OK\r\n\r\n" + filler + "found-too-late")) {
            CheckResult r = probe(server, "found", HttpCheck.Method.GET);
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo(CheckResult.FailureReason.MISMATCH);
            assertThat(r.message()).isEqualTo(filler);
        }
    }

    @Test
    void headSendsHeadAndCannotMatchAReceiveString() throws IOException {
        try (RawServer server = new RawServer(LOOPBACK, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")) {
            CheckResult r = probe(server, "up", HttpCheck.Method.HEAD);
            assertThat(r.message()).isEqualTo("200 OK (HEAD has no body to match receive)");
            assertThat(server.requests()).singleElement().asString().startsWith("HEAD /st?x=1 HTTP/1.1\r\n");
        }
    }
}
