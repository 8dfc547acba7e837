package lvsdirector.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that misbehave slowly or hugely: each is a clean failure within the timeout, with bounded reading. */
@Timeout(30)
class HttpRobustnessTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long ONE_GB = 1L << 30;

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

    private static CheckResult probe(int port, String receive, Duration timeout) {
        HttpCheck check = new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + "/", null, HttpCheck.Method.GET,
                receive, timeout, false);
        return OnContext.await(vertx, () -> prober.probe(check));
    }

    @Test
    void serverTricklingOneBytePerSecondTimesOut() throws Exception {
        byte[] reply = "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1);
        try (StreamingServer trickle = new StreamingServer(out -> {
            for (byte b : reply) {
                out.write(b);
                out.flush();
                Thread.sleep(1000);
            }
        })) {
            long start = System.nanoTime();
            CheckResult r = probe(trickle.port(), "ok", Duration.ofMillis(1000));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("500 Timeout Alarm");
            // the whole reply would take 40 s; a loaded machine may add a little to the 1 s deadline
            assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofMillis(4000));
        }
    }

    /** The body is read up to the prober's limit and the connection dropped: the server cannot push 1 GB. */
    @Test
    void oneGigabyteBodyIsCutAtTheLimitAndNeverReadWhole() throws Exception {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
        try (StreamingServer huge = new StreamingServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + ONE_GB + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (long sent = 0; sent < ONE_GB; sent += chunk.length) {
                out.write(chunk);
            }
        })) {
            long start = System.nanoTime();
            CheckResult r = probe(huge.port(), "never-there", Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo(FailureReason.MISMATCH);
            assertThat(r.message()).hasSizeLessThanOrEqualTo(HttpExchange.MESSAGE_LIMIT + 3);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            // the body limit is 1 MiB; socket buffers hold a few MiB more at most
            assertThat(huge.awaitWritten()).isLessThan(64L << 20);
        }
    }

    @Test
    void binaryGarbageInsteadOfAStatusLineIsDown() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        try (StreamingServer server = new StreamingServer(out -> out.write(garbage))) {
            CheckResult r = probe(server.port(), "", Duration.ofSeconds(2));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).startsWith("500 ");
        }
    }

    /** A check that timed out must not leave its connection open: at 10,000 reals they pile up to the fd limit. */
    @Test
    void timedOutCheckClosesItsConnection() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, LOOPBACK)) {
            java.util.concurrent.CompletableFuture<Long> closedAt = new java.util.concurrent.CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.setSoTimeout(5000);
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // the request head; the server never answers
                    }
                    closedAt.complete(System.nanoTime());
                } catch (IOException e) {
                    // a reset is a close too; a read timeout is not
                    closedAt.complete(e instanceof java.net.SocketTimeoutException ? -1L : System.nanoTime());
                }
            });
            reader.setDaemon(true);
            reader.start();
            CheckResult r = probe(silent.getLocalPort(), "", Duration.ofMillis(300));
            long failedAt = System.nanoTime();
            assertThat(r.message()).isEqualTo("500 Timeout Alarm");
            long closed = closedAt.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(closed).as("the server saw the connection closed").isPositive();
            assertThat(Duration.ofNanos(closed - failedAt)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @FunctionalInterface
    interface Script {
        void play(OutputStream out) throws Exception;
    }

    /** Accepts one connection, reads the request head, then plays a script; counts the bytes it got written. */
    static final class StreamingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicLong written = new AtomicLong();
        private final Thread thread;

        StreamingServer(Script script) throws IOException {
            socket = new ServerSocket(0, 5, LOOPBACK);
            thread = new Thread(() -> serve(script), "streaming-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Bytes written once the connection ended (the client dropped it or the script finished). */
        long awaitWritten() throws InterruptedException {
            thread.join(10_000);
            return written.get();
        }

        private void serve(Script script) {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream raw = s.getOutputStream();
                script.play(new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        raw.write(b);
                        written.incrementAndGet();
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        raw.write(b, off, len);
                        written.addAndGet(len);
                    }

                    @Override
                    public void flush() throws IOException {
                        raw.flush();
                    }
                });
            } catch (Exception e) {
                // the client hung up: expected for the huge and trickling servers
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
