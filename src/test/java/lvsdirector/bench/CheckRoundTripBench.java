package lvsdirector.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.connect.ConnectProber;
import lvsdirector.check.http.HttpProber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one check round-trip on loopback, as a batch of {@link #BATCH} concurrent probes (how the
 * scheduler runs them): HTTP (negotiate, receive) and TCP connect. The server runs in a second Vert.x
 * instance of the same JVM; the score is wall time per batch, and {@code cpuMicrosPerCheck} printed at
 * tear-down is the whole JVM's CPU time per check (client and server). Run by hand:
 * {@code java -cp <test classpath> org.openjdk.jmh.Main CheckRoundTripBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckRoundTripBench {
    static final int BATCH = 50;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Buffer OK = Buffer.buffer("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    private Vertx serverVertx;
    private Vertx clientVertx;
    private Context context;
    private HttpProber http;
    private ConnectProber connect;
    private HttpCheck httpCheck;
    private ConnectCheck connectCheck;
    private long checks;
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void start() throws Exception {
        serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        NetServer server = serverVertx.createNetServer().connectHandler(socket -> {
            socket.exceptionHandler(e -> { });
            socket.handler(chunk -> socket.end(OK));
        });
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
        clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        context = clientVertx.getOrCreateContext();
        http = new HttpProber(clientVertx);
        connect = new ConnectProber(clientVertx);
        httpCheck = new HttpCheck(LOOPBACK, port, "http://127.0.0.1:" + port + "/health", null, HttpCheck.Method.GET,
                "ok", Duration.ofSeconds(10), false);
        connectCheck = new ConnectCheck(LOOPBACK, port, Duration.ofSeconds(10));
        cpuAtStart = processCpuNanos();
    }

    @Benchmark
    public List<CheckResult> httpBatch() {
        return batch(() -> http.probe(httpCheck));
    }

    @Benchmark
    public List<CheckResult> connectBatch() {
        return batch(() -> connect.probe(connectCheck));
    }

    private List<CheckResult> batch(java.util.function.Supplier<Future<CheckResult>> probe) {
        List<CheckResult> results = OnContext.await(context, () -> {
            List<Future<CheckResult>> all = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                all.add(probe.get());
            }
            return Future.all(all).map(f -> f.<CheckResult>list());
        });
        for (CheckResult r : results) {
            if (!r.success()) {
                throw new IllegalStateException("check failed: " + r.message());
            }
        }
        checks += BATCH;
        return results;
    }

    @TearDown(Level.Trial)
    public void stop() {
        long cpu = processCpuNanos() - cpuAtStart;
        System.out.printf("%ncpuMicrosPerCheck=%.1f (client+server, %d checks)%n", cpu / 1e3 / Math.max(1, checks), checks);
        http.close();
        connect.close();
        clientVertx.close();
        serverVertx.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
