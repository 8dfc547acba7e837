package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.lib.DnsCheck;
import lvsdirector.check.text.SimpleTcpCheck;
import lvsdirector.check.text.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Runs hundreds of checks of each socket-using prober against loopback targets that refuse, that accept and
 * then say nothing, and whose accept queue is full (the SYN is dropped: a connect timeout), and asserts
 * the process's socket descriptors return to their baseline afterwards. Counts are per prober and target,
 * so a failure names the leaking path.
 */
@Timeout(120)
@EnabledOnOs(OS.LINUX)
class ProberFdLeakTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofMillis(150);
    private static final int CHECKS = 300;
    /** Vert.x/Netty may lazily open a few descriptors (event loop selectors, resolver) on first use. */
    private static final int SLACK = 8;

    private static Vertx vertx;
    private static ProbeDispatcher dispatcher;
    private static ServerSocket silent;
    private static ServerSocket full;
    private static final List<Socket> fillers = new ArrayList<>();
    private static DatagramSocket silentUdp;
    private static int refusedPort;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        dispatcher = new ProbeDispatcher(vertx);
        // never accepts: the kernel completes the handshakes into the accept queue, then nothing is said
        silent = new ServerSocket(0, 4096, LOOPBACK);
        // backlog 1, filled: further SYNs are dropped, so connects time out
        full = new ServerSocket(0, 1, LOOPBACK);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(LOOPBACK, full.getLocalPort()), 200);
                fillers.add(s);
            } catch (java.net.SocketTimeoutException queueFull) {
                s.close();
                break;
            }
        }
        silentUdp = new DatagramSocket(0, LOOPBACK);
        try (ServerSocket gone = new ServerSocket(0, 1, LOOPBACK)) {
            refusedPort = gone.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (dispatcher != null) {
            dispatcher.close();
        }
        vertx.close().await();
        for (Socket s : fillers) {
            s.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {silent, full, silentUdp}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // cleanup only
                }
            }
        }
    }

    @Test
    void everyProberReleasesItsSocketsOnEveryPath() throws Exception {
        Map<String, IntFunction<CheckSpec>> probers = new LinkedHashMap<>();
        probers.put("connect", port -> new ConnectCheck(LOOPBACK, port, TIMEOUT));
        probers.put("http", port -> new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + "/", null,
                HttpCheck.Method.GET, "", TIMEOUT, false));
        probers.put("simpletcp/tcp", port -> new SimpleTcpCheck(LOOPBACK, port, Transport.TCP, "/ping", "pong",
                TIMEOUT));
        probers.put("simpletcp/udp", port -> new SimpleTcpCheck(LOOPBACK, port, Transport.UDP, "/ping", "pong",
                TIMEOUT));
        probers.put("dns/tcp", port -> new DnsCheck(LOOPBACK, port, true, "example.org", "1.2.3.4", TIMEOUT));
        probers.put("dns/udp", port -> new DnsCheck(LOOPBACK, port, false, "example.org", "1.2.3.4", TIMEOUT));
        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("refused", refusedPort);
        targets.put("silent", silent.getLocalPort());
        targets.put("full", full.getLocalPort());

        // warm up every prober once so lazily created selectors and clients are in the baseline
        for (IntFunction<CheckSpec> spec : probers.values()) {
            runChecks(spec.apply(refusedPort), 1);
        }
        settle();
        long baseline = socketFds();

        Map<String, Long> leaked = new LinkedHashMap<>();
        for (var prober : probers.entrySet()) {
            for (var target : targets.entrySet()) {
                boolean udp = prober.getKey().endsWith("/udp");
                int port = udp && target.getKey().equals("silent") ? silentUdp.getLocalPort() : target.getValue();
                if (udp && target.getKey().equals("full")) {
                    continue; // UDP has no accept queue
                }
                long before = socketFds();
                List<CheckResult> results = runChecks(prober.getValue().apply(port), CHECKS);
                assertThat(results).as(prober.getKey() + " vs " + target.getKey()).hasSize(CHECKS);
                settle();
                leaked.put(prober.getKey() + " vs " + target.getKey(), socketFds() - before);
            }
        }
        long total = socketFds() - baseline;
        System.out.println("socket fds left per " + CHECKS + " checks: " + leaked + "; total " + total
                + " above baseline " + baseline);
        assertThat(total).as("socket fds above baseline after all checks").isLessThanOrEqualTo(SLACK);
        assertThat(leaked).allSatisfy((path, extra) -> assertThat(extra).as(path).isLessThanOrEqualTo(SLACK));
    }

    private static List<CheckResult> runChecks(CheckSpec spec, int count) {
        return OnContext.await(vertx, () -> {
            List<Future<CheckResult>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                runs.add(dispatcher.probe(spec));
            }
            return Future.all(runs).map(all -> all.<CheckResult>list());
        });
    }

    /** Closes complete asynchronously on the event loop; give them a moment, then stop waiting. */
    private static void settle() throws InterruptedException {
        long previous = -1;
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            long now = socketFds();
            if (now == previous) {
                return;
            }
            previous = now;
        }
    }

    private static long socketFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // the listing's own descriptor, closed by now
                }
            }).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
