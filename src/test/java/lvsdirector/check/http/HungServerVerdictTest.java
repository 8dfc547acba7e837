package lvsdirector.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.check.CheckResult;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The verdict on a hung HTTP server arrives within the check's timeout, round after round, as
 * DirectorTrafficIT needs it: two virtuals (its NAT and DR ones) check the same real every second with
 * checktimeout = negotiatetimeout = 1 s. A stopped server first completes handshakes into its accept queue
 * (accepted, never answered) and, once the queue is full, drops the SYNs (connects time out); both are
 * covered by running enough rounds against a small backlog, and the second case from the first round by a
 * server whose queue is full before the checks start.
 */
@Timeout(60)
@EnabledOnOs(OS.LINUX)
class HungServerVerdictTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** DirectorTrafficIT's checktimeout and negotiatetimeout (an HTTP check uses negotiatetimeout). */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Timer and event-loop latency on a loaded 2-core machine; far below the seconds the bug costs. */
    private static final long MARGIN_MS = 300;
    /** Python's socketserver backlog, as the IT's real servers (name-server.py) use. */
    private static final int PYTHON_BACKLOG = 5;
    private static final int ROUNDS = 6;

    private Vertx vertx;
    private HttpProber prober;
    private final List<AutoCloseable> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        prober = new HttpProber(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        prober.close();
        vertx.close().await();
        for (AutoCloseable s : sockets) {
            s.close();
        }
    }

    @Test
    void aStoppedServerFailsEveryRoundWithinTheTimeout() throws IOException {
        ServerSocket stopped = listen(PYTHON_BACKLOG);
        assertVerdictsInTime(stopped.getLocalPort());
    }

    @Test
    void aServerThatNeverAcceptsFailsEveryRoundWithinTheTimeout() throws IOException {
        ServerSocket full = listen(1);
        fillAcceptQueue(full);
        assertVerdictsInTime(full.getLocalPort());
    }

    private void assertVerdictsInTime(int port) {
        HttpCheck nat = check(port, "/");
        HttpCheck dr = check(port, "/index.html");
        List<Long> elapsed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long roundStart = System.nanoTime();
            List<Timed> verdicts = OnContext.await(vertx, () -> Future.all(timed(nat), timed(dr))
                    .map(all -> all.<Timed>list()));
            for (Timed t : verdicts) {
                assertThat(t.result.success()).as("round %d: %s", round, t.result.message()).isFalse();
                elapsed.add(t.millis);
            }
            sleepUntil(roundStart + INTERVAL.toNanos());
        }
        System.out.println("HungServerVerdictTest: verdict ms per probe " + elapsed);
        assertThat(elapsed).as("ms from probe start to verdict, every probe of every round")
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(TIMEOUT.toMillis() + MARGIN_MS));
    }

    private Future<Timed> timed(HttpCheck check) {
        long start = System.nanoTime();
        return prober.probe(check).map(r -> new Timed(r, (System.nanoTime() - start) / 1_000_000));
    }

    private record Timed(CheckResult result, long millis) { }

    private static HttpCheck check(int port, String path) {
        return new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + path, null, HttpCheck.Method.GET, "rs",
                TIMEOUT, false);
    }

    private ServerSocket listen(int backlog) throws IOException {
        ServerSocket s = new ServerSocket(0, backlog, LOOPBACK);
        sockets.add(s);
        return s;
    }

    /** Connects until a SYN goes unanswered: from then on every connect to it times out. */
    private void fillAcceptQueue(ServerSocket server) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            sockets.add(s);
            try {
                s.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 200);
            } catch (SocketTimeoutException queueFull) {
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled");
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
