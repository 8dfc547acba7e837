package lvsdirector.check.connect;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.net.InetSocketAddress;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.support.InetAddrs;

/**
 * TCP connect within the check timeout, then close; nothing is sent. A bare Netty channel on the caller's
 * event loop (with Vert.x's transport: epoll when available): a Vert.x socket would set up its message
 * queues and handlers for a connection that is closed the moment it is made, which cost most of a connect
 * check's CPU at thousands of checks a second (bench/checks.sh).
 */
public final class ConnectProber implements AutoCloseable {
    private final VertxInternal vertx;
    private final ChannelFactory<? extends Channel> channels;

    public ConnectProber(Vertx vertx) {
        this.vertx = (VertxInternal) vertx;
        this.channels = this.vertx.transport().channelFactory(false);
    }

    /** Completes on the caller's context (a new event-loop context when called off Vert.x). */
    public Future<CheckResult> probe(ConnectCheck check) {
        long start = System.nanoTime();
        ContextInternal context = vertx.getOrCreateContext();
        Promise<CheckResult> verdict = context.promise();
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, check.timeout().toMillis()));
        ChannelFuture connect = new Bootstrap()
                .group(context.nettyEventLoop())
                .channelFactory(channels)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(Quiet.INSTANCE)
                .connect(new InetSocketAddress(check.address(), check.port()));
        connect.addListener(done -> {
            String hostPort = InetAddrs.hostPort(check.address(), check.port());
            if (done.isSuccess()) {
                // closed after this notification: Netty clears the connect promise only once its listeners have
                // run, and a close before that builds a ClosedChannelException with a stack trace to fail it
                // (thousands a second, measured with JFR under bench/checks.sh)
                Channel channel = connect.channel();
                channel.eventLoop().execute(channel::close);
                verdict.complete(CheckResult.ok("Connected to " + hostPort, ProbeFailures.since(start)));
            } else {
                verdict.complete(ProbeFailures.cantConnect(hostPort, done.cause(), ProbeFailures.since(start)));
            }
        });
        return verdict.future();
    }

    @Override
    public void close() {
        // nothing shared to release: every channel is closed by its own probe
    }

    /** The channel never reads anything that matters; errors end up in the connect future. */
    @ChannelHandler.Sharable
    private static final class Quiet extends ChannelInboundHandlerAdapter {
        static final Quiet INSTANCE = new Quiet();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
