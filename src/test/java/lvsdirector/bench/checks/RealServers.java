package lvsdirector.bench.checks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every real server of the benchmark in one process: one wildcard listener for the reals outside the sample
 * (told apart by the local address), one listener per sample real; each accepted connection
 * counted (a connect check or an HTTP check). HTTP answers "ok" at once, after {@link Layout#SLOW_MILLIS}
 * for slow reals, never for hanging ones. {@link #down} closes listeners (connections are refused from
 * then on), {@link #up} opens them again.
 */
final class RealServers implements AutoCloseable {
    private static final Buffer OK = Buffer.buffer(
            "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    private final Vertx vertx;
    private final Layout layout;
    private final NetServer[] servers;
    private NetServer shared;
    private final LongAdder accepted = new LongAdder();

    RealServers(Vertx vertx, Layout layout) {
        this.vertx = vertx;
        this.layout = layout;
        this.servers = new NetServer[layout.reals()];
    }

    long accepted() {
        return accepted.sum();
    }

    /**
     * Reports on stderr every time one of the bench's own event loops ran a 100-ms timer more than 300 ms
     * late: a stalled real-server loop answers late and would read as the director's fault.
     */
    void watchEventLoops() {
        for (int loop = 0; loop < 2; loop++) {
            int name = loop;
            long[] due = {System.nanoTime() + 100_000_000L};
            vertx.setPeriodic(100, id -> {
                long now = System.nanoTime();
                long lateMillis = (now - due[0]) / 1_000_000;
                if (lateMillis > 300) {
                    System.err.printf("%tT bench event loop %d ran %d ms late%n", System.currentTimeMillis(), name,
                            lateMillis);
                }
                due[0] = now + 100_000_000L;
            });
        }
    }

    void startAll() throws Exception {
        shared = vertx.createNetServer(new NetServerOptions().setAcceptBacklog(4096).setReuseAddress(true))
                .connectHandler(socket -> serve(TableView.realIndex(socket.localAddress().host() + ":0"), socket));
        shared.listen(Layout.PORT, "0.0.0.0").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        up(layout.sampleReals());
    }

    /** Opens the listeners of these reals; returns when all listen. */
    void up(Collection<Integer> reals) throws Exception {
        List<Future<NetServer>> listening = new ArrayList<>();
        for (int real : reals) {
            NetServer server = vertx.createNetServer(new NetServerOptions().setAcceptBacklog(1024).setReuseAddress(true))
                    .connectHandler(socket -> serve(real, socket));
            servers[real] = server;
            listening.add(server.listen(Layout.SAMPLE_PORT, Layout.rip(real)));
        }
        Future.all(listening).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Closes the listeners of these reals; returns when none accepts any more. */
    void down(Collection<Integer> reals) throws Exception {
        List<Future<Void>> closed = new ArrayList<>();
        for (int real : reals) {
            closed.add(servers[real].close());
            servers[real] = null;
        }
        Future.all(closed).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private void serve(int real, NetSocket socket) {
        accepted.increment();
        Layout.Kind kind = Layout.kind(real);
        socket.exceptionHandler(e -> { });
        Buffer request = Buffer.buffer();
        socket.handler(chunk -> {
            if (request.length() > 8192) {
                return;
            }
            request.appendBuffer(chunk);
            if (!request.toString().contains("\r\n\r\n")) {
                return;
            }
            switch (kind) {
                case OK -> socket.end(OK);
                case SLOW -> vertx.setTimer(Layout.SLOW_MILLIS, id -> socket.end(OK));
                case HANG -> { }
            }
        });
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
        for (NetServer server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }
}
