package lvsdirector.check.connect;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.support.InetAddrs;

/** TCP connect within the check timeout, then close; nothing is sent. */
public final class ConnectProber implements AutoCloseable {
    private final NetClient client;

    public ConnectProber(Vertx vertx) {
        this.client = vertx.createNetClient(new NetClientOptions());
    }

    public Future<CheckResult> probe(ConnectCheck check) {
        long start = System.nanoTime();
        String hostPort = InetAddrs.hostPort(check.address(), check.port());
        ConnectOptions options = new ConnectOptions()
                .setRemoteAddress(SocketAddress.inetSocketAddress(check.port(), InetAddrs.numeric(check.address())))
                .setTimeout((int) Math.min(Integer.MAX_VALUE, check.timeout().toMillis()));
        return client.connect(options).transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture(ProbeFailures.cantConnect(hostPort, ar.cause(), ProbeFailures.since(start)));
            }
            ar.result().close();
            return Future.succeededFuture(CheckResult.ok("Connected to " + hostPort, ProbeFailures.since(start)));
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
