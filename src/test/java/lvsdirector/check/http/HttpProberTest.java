package lvsdirector.check.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.RawServer;
import lvsdirector.check.SelfSignedKeystore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class HttpProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort().jettyAcceptors(1)
                    .containerThreads(12).keystorePath(keystore()).keystorePassword(SelfSignedKeystore.PASSWORD)
                    .keyManagerPassword(SelfSignedKeystore.PASSWORD).keystoreType("PKCS12"))
            .build();

    private static Vertx vertx;
    private static HttpProber prober;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        prober = new HttpProber(vertx);
    }

    @AfterAll
    static void stop() {
        prober.close();
        vertx.close().await();
    }

    private static String keystore() {
        try {
            return SelfSignedKeystore.create(Files.createTempDirectory("check-tls")).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpCheck check(String path, String receive) {
        return check(path, receive, HttpCheck.Method.GET, TIMEOUT);
    }

    private static HttpCheck check(String path, String receive, HttpCheck.Method method, Duration timeout) {
        int port = WM.getPort();
        return new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + path, "127.0.0.1", method, receive, timeout,
                false);
    }

    private static CheckResult probe(HttpProber p, HttpCheck check) {
        return OnContext.await(vertx, () -> p.probe(check));
    }

    private static CheckResult probe(HttpCheck check) {
        return probe(prober, check);
    }

    @Test
    void okWithMatchingBodyIsUp() {
        WM.stubFor(get("/health").willReturn(ok("status: all systems GO\n")));
        CheckResult r = probe(check("/health", "GO"));
        assertThat(r.success()).isTrue();
        assertThat(r.message()).isEqualTo("200 OK");
    }

    @Test
    void sendsLdirectordsUserAgentAndTheRipWithoutPortAsHost() {
        WM.stubFor(get("/").willReturn(ok()));
        assertThat(probe(check("/", "")).success()).isTrue();
        WM.verify(getRequestedFor(urlEqualTo("/")).withHeader("Host", equalTo("127.0.0.1"))
                .withHeader("User-Agent", equalTo("libwww-perl/6.68")));
    }

    @Test
    void virtualHostBecomesTheHostHeader() {
        WM.stubFor(get("/vh").withHeader("Host", equalTo("www.example.com")).willReturn(ok("vhost")));
        int port = WM.getPort();
        HttpCheck c = new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + "/vh", "www.example.com",
                HttpCheck.Method.GET, "vhost", TIMEOUT, false);
        assertThat(probe(c).success()).isTrue();
    }

    @Test
    void mismatchingBodyIsDownWithTheBodyAsMessage() {
        WM.stubFor(get("/health").willReturn(ok("maintenance mode")));
        CheckResult r = probe(check("/health", "^OK$"));
        assertThat(r.success()).isFalse();
        assertThat(r.reason()).isEqualTo(FailureReason.MISMATCH);
        assertThat(r.message()).isEqualTo("maintenance mode");
    }

    @Test
    void receiveIsAnUnanchoredRegexSearch() {
        WM.stubFor(get("/r").willReturn(ok("<html><body>version=4.12 ready</body></html>")));
        assertThat(probe(check("/r", "version=\\d+\\.\\d+ re")).success()).isTrue();
    }

    @Test
    void utf8ReceiveMatchesUtf8Body() {
        WM.stubFor(get("/u").willReturn(aResponse().withStatus(200).withBody("Grüße aus Köln".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(probe(check("/u", "Köln")).success()).isTrue();
    }

    @Test
    void notFoundIsDownWithTheStatusLine() {
        WM.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withStatusMessage("Not Found")));
        CheckResult r = probe(check("/missing", ""));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).isEqualTo("404 Not Found");
        assertThat(r.reason()).isEqualTo(FailureReason.BAD_RESPONSE);
    }

    @Test
    void serverErrorWithMatchingBodyIsStillDown() {
        WM.stubFor(get("/err").willReturn(aResponse().withStatus(503).withStatusMessage("Service Unavailable")
                .withBody("OK")));
        CheckResult r = probe(check("/err", "OK"));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).isEqualTo("503 Service Unavailable");
    }

    @Test
    void noContentWithoutReceiveIsUp() {
        WM.stubFor(get("/nc").willReturn(aResponse().withStatus(204)));
        assertThat(probe(check("/nc", "")).success()).isTrue();
    }

    @Test
    void headWithoutReceiveIsUpAndSendsHead() {
        WM.stubFor(head(urlEqualTo("/h")).willReturn(ok()));
        CheckResult r = probe(check("/h", "", HttpCheck.Method.HEAD, TIMEOUT));
        assertThat(r.success()).isTrue();
        WM.verify(headRequestedFor(urlEqualTo("/h")));
    }

    @Test
    void headWithReceiveIsDown() {
        WM.stubFor(head(urlEqualTo("/h2")).willReturn(ok()));
        CheckResult r = probe(check("/h2", "OK", HttpCheck.Method.HEAD, TIMEOUT));
        assertThat(r.success()).isFalse();
        assertThat(r.reason()).isEqualTo(FailureReason.MISMATCH);
    }

    private static void redirectChain(String prefix, int hops) {
        for (int i = 0; i < hops; i++) {
            WM.stubFor(get(prefix + i).willReturn(temporaryRedirect(prefix + (i + 1))));
        }
        WM.stubFor(get(prefix + hops).willReturn(ok("landed")));
    }

    @Test
    void sevenRedirectsAreFollowed() {
        redirectChain("/seven/", 7);
        CheckResult r = probe(check("/seven/0", "landed"));
        assertThat(r.success()).as(r.message()).isTrue();
    }

    @Test
    void theEighthRedirectIsNotFollowed() {
        redirectChain("/eight/", 8);
        CheckResult r = probe(check("/eight/0", "landed"));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).isEqualTo("302 Found");
        WM.verify(0, getRequestedFor(urlEqualTo("/eight/8")));
    }

    @Test
    void relativeRedirectIsResolvedAgainstTheCurrentUrl() {
        WM.stubFor(get("/dir/start").willReturn(aResponse().withStatus(302).withHeader("Location", "next")));
        WM.stubFor(get("/dir/next").willReturn(ok("there")));
        assertThat(probe(check("/dir/start", "there")).success()).isTrue();
    }

    @Test
    void slowServerTimesOutWithLdirectordsMessage() {
        WM.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(3000)));
        long start = System.nanoTime();
        CheckResult r = probe(check("/slow", "", HttpCheck.Method.GET, Duration.ofMillis(300)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.success()).isFalse();
        assertThat(r.message()).isEqualTo("500 Timeout Alarm");
        assertThat(r.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void silentServerTimesOut() throws IOException {
        try (RawServer silent = new RawServer(LOOPBACK, null)) {
            HttpCheck c = new HttpCheck(LOOPBACK, silent.port(), "http://127.0.0.1:" + silent.port() + "/", null,
                    HttpCheck.Method.GET, "", Duration.ofMillis(400), false);
            long start = System.nanoTime();
            CheckResult r = probe(c);
            assertThat(r.message()).isEqualTo("500 Timeout Alarm");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    /**
     * The client sends "Connection: close" (as LWP does), so WireMock's MALFORMED_RESPONSE_CHUNK arrives as a
     * close-delimited 200 with a garbage body: down because the body does not match.
     */
    @ParameterizedTest
    @EnumSource(Fault.class)
    void brokenResponsesAreDown(Fault fault) {
        WM.stubFor(get("/fault/" + fault).willReturn(aResponse().withFault(fault)));
        CheckResult r = probe(check("/fault/" + fault, "healthy"));
        assertThat(r.success()).as(r.message()).isFalse();
        assertThat(r.reason()).isNotIn(FailureReason.NONE, FailureReason.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void connectionFaultsAreDownWithoutReceive(Fault fault) {
        WM.stubFor(get("/fault2/" + fault).willReturn(aResponse().withFault(fault)));
        CheckResult r = probe(check("/fault2/" + fault, ""));
        assertThat(r.success()).as(r.message()).isFalse();
        assertThat(r.message()).startsWith("500 ");
    }

    @Test
    void malformedChunkIsDownEvenWithoutReceive() throws IOException {
        try (RawServer bad = new RawServer(LOOPBACK,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz-not-a-chunk-size\r\ngarbage")) {
            HttpCheck c = new HttpCheck(LOOPBACK, bad.port(), "http://127.0.0.1:" + bad.port() + "/", null,
                    HttpCheck.Method.GET, "", TIMEOUT, false);
            CheckResult r = probe(c);
            assertThat(r.success()).as(r.message()).isFalse();
            assertThat(r.message()).startsWith("500 Incomplete response body");
        }
    }

    @Test
    void emptyResponseUsesLwpsWording() {
        WM.stubFor(get("/empty").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThat(probe(check("/empty", "")).message())
                .isEqualTo("500 Server closed connection without sending any data back");
    }

    @Test
    void refusedConnectionIsDownWithCantConnect() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        HttpCheck c = new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + "/", "127.0.0.1",
                HttpCheck.Method.GET, "", TIMEOUT, false);
        CheckResult r = probe(c);
        assertThat(r.success()).isFalse();
        assertThat(r.message()).isEqualTo("500 Can't connect to 127.0.0.1:" + port + " (Connection refused)");
        assertThat(r.reason()).isEqualTo(FailureReason.REFUSED);
    }

    @Test
    void hugeBodyIsMatchedUpToTheLimitOnly() {
        String head = "MARKER-AT-START ";
        String huge = head + "x".repeat(3 << 20) + " MARKER-AT-END";
        WM.stubFor(get("/huge").willReturn(ok(huge)));
        HttpProber small = new HttpProber(vertx, 64 * 1024);
        try {
            assertThat(probe(small, check("/huge", "MARKER-AT-START")).success()).isTrue();
            CheckResult r = probe(small, check("/huge", "MARKER-AT-END"));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).hasSizeLessThanOrEqualTo(HttpExchange.MESSAGE_LIMIT + 3);
        } finally {
            small.close();
        }
    }

    @Test
    void httpsWithSelfSignedCertificateForAnotherNameIsUp() {
        WM.stubFor(get("/tls").willReturn(ok("secure OK")));
        int port = WM.getHttpsPort();
        HttpCheck c = new HttpCheck(LOOPBACK, port, "https://127.0.0.1:" + port + "/tls", "127.0.0.1",
                HttpCheck.Method.GET, "secure", TIMEOUT, false);
        CheckResult r = probe(c);
        assertThat(r.success()).as(r.message()).isTrue();
    }

    @Test
    void httpsAgainstPlainHttpIsDown() {
        int port = WM.getPort();
        HttpCheck c = new HttpCheck(LOOPBACK, port, "https://127.0.0.1:" + port + "/", null, HttpCheck.Method.GET, "",
                TIMEOUT, false);
        CheckResult r = probe(c);
        assertThat(r.success()).isFalse();
        assertThat(r.message()).startsWith("500 ");
    }

    @Test
    void proxyGetsTheAbsoluteUrl() throws IOException {
        try (RawServer proxy = new RawServer(LOOPBACK,
                "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nproxied")) {
            HttpCheck c = new HttpCheck(LOOPBACK, proxy.port(), "http://www.example.com/page", null,
                    HttpCheck.Method.GET, "proxied", TIMEOUT, true);
            CheckResult r = probe(c);
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(proxy.requests()).singleElement().asString()
                    .startsWith("GET http://www.example.com/page HTTP/1.1\r\n")
                    .containsIgnoringCase("host: www.example.com\r\n");
        }
    }

    @Test
    void ipv6RealServerIsCheckedWithBracketedHost() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        RawServer server;
        try {
            server = new RawServer(v6, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nv6");
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback: " + e.getMessage());
            return;
        }
        try (server) {
            HttpCheck c = new HttpCheck(v6, server.port(), "http://[::1]:" + server.port() + "/", "[::1]",
                    HttpCheck.Method.GET, "v6", TIMEOUT, false);
            CheckResult r = probe(c);
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.requests()).singleElement().asString().containsIgnoringCase("host: [::1]\r\n");
        }
    }
}
