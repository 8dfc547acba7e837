package lvsdirector.check.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import lvsdirector.check.CheckResult;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.ProbeFailures;

/**
 * A plain-http check on a bare Netty channel of the caller's event loop (as the connect check does): one
 * connection, one request ({@code Connection: close}, ldirectord's User-Agent), the status line and the
 * body up to the limit, then the same verdict as {@link HttpExchange}. A Vert.x HTTP client connection
 * sets up far more per check than this needs. A redirect hands the rest of the check to
 * {@link HttpExchange}, which follows it (possibly to https) within the time left.
 */
final class PlainHttpExchange extends ChannelInboundHandlerAdapter {
    private final HttpCheck check;
    private final URI uri;
    private final InetSocketAddress target;
    private final int bodyLimit;
    private final ReceivePatterns patterns;
    /** Continues the check after a redirect: (location, start) -> the rest of the check. */
    private final BiFunction<URI, Long, Future<CheckResult>> followRedirect;
    private final long start = System.nanoTime();
    private Promise<CheckResult> verdict;
    private ContextInternal context;
    private Channel channel;
    private ScheduledFuture<?> alarm;
    private int status = -1;
    private String statusLine;
    private ByteBuf body;
    /** The verdict is in, or the check was handed on after a redirect: the channel's events no longer count. */
    private boolean settled;

    PlainHttpExchange(HttpCheck check, URI uri, InetSocketAddress target, int bodyLimit, ReceivePatterns patterns,
                      BiFunction<URI, Long, Future<CheckResult>> followRedirect) {
        this.check = check;
        this.uri = uri;
        this.target = target;
        this.bodyLimit = bodyLimit;
        this.patterns = patterns;
        this.followRedirect = followRedirect;
    }

    Future<CheckResult> run(ContextInternal context, ChannelFactory<? extends Channel> channels) {
        this.context = context;
        verdict = context.promise();
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, check.timeout().toMillis()));
        ChannelFuture connect = new Bootstrap()
                .group(context.nettyEventLoop())
                .channelFactory(channels)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(this)
                .connect(target);
        channel = connect.channel();
        alarm = context.nettyEventLoop().schedule(() -> complete(ProbeFailures.timeout(ProbeFailures.since(start))),
                timeoutMillis, TimeUnit.MILLISECONDS);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                String hostPort = HttpExchange.hostPortOf(uri);
                complete(HttpExchange.withStatus(
                        ProbeFailures.cantConnect(hostPort, done.cause(), ProbeFailures.since(start))));
            }
        });
        return verdict.future();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.pipeline().addBefore(ctx.name(), null, new HttpClientCodec());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (settled) {
            ctx.close();
            return;
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                check.method() == HttpCheck.Method.HEAD ? HttpMethod.HEAD : HttpMethod.GET, HttpExchange.pathOf(uri),
                Unpooled.EMPTY_BUFFER);
        request.headers()
                .set(HttpHeaderNames.HOST, check.hostHeader() != null ? check.hostHeader() : uri.getRawAuthority())
                .set(HttpHeaderNames.USER_AGENT, HttpExchange.USER_AGENT)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(request).addListener(sent -> {
            if (!sent.isSuccess()) {
                complete(HttpExchange.sendFailure(sent.cause(), start));
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (settled) {
                return;
            }
            if (msg instanceof HttpResponse response && !response(response)) {
                return;
            }
            if (msg instanceof HttpContent content) {
                content(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** False when the answer is already decided (unparsable, or a redirect handed on). */
    private boolean response(HttpResponse response) {
        if (response.decoderResult().isFailure()) {
            complete(HttpExchange.sendFailure(response.decoderResult().cause(), start));
            return false;
        }
        status = response.status().code();
        String location = response.headers().get(HttpHeaderNames.LOCATION);
        if (HttpExchange.REDIRECTS.contains(status) && location != null) {
            redirect(location);
            return false;
        }
        statusLine = status + " " + response.status().reasonPhrase();
        body = channel.alloc().heapBuffer(Math.min(bodyLimit, 1024), bodyLimit);
        return true;
    }

    private void redirect(String location) {
        URI next;
        try {
            next = uri.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            complete(HttpExchange.badRedirect(location, start));
            return;
        }
        settled = true;
        stopTimerAndClose();
        // the Vert.x client wants to be called on its context, and this runs in a bare channel callback
        context.runOnContext(v -> {
            try {
                followRedirect.apply(next, start).onComplete(ar -> verdict.tryComplete(ar.succeeded() ? ar.result()
                        : HttpExchange.sendFailure(ar.cause(), start)));
            } catch (RuntimeException e) {
                verdict.tryComplete(HttpExchange.sendFailure(e, start));
            }
        });
    }

    private void content(HttpContent content) {
        if (status < 0) {
            return;
        }
        if (content.decoderResult().isFailure()) {
            complete(HttpExchange.incompleteBody(content.decoderResult().cause(), start));
            return;
        }
        ByteBuf chunk = content.content();
        int take = Math.min(chunk.readableBytes(), bodyLimit - body.readableBytes());
        body.writeBytes(chunk, chunk.readerIndex(), take);
        if (content instanceof LastHttpContent || body.readableBytes() >= bodyLimit) {
            complete(HttpExchange.verdict(check, patterns, status, statusLine,
                    body.toString(StandardCharsets.ISO_8859_1), start));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (status < 0 || body == null) {
            complete(HttpExchange.serverClosed(start));
        } else {
            complete(HttpExchange.incompleteBody(new java.io.EOFException("Connection closed"), start));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        complete(status < 0 ? HttpExchange.sendFailure(cause, start) : HttpExchange.incompleteBody(cause, start));
    }

    private void complete(CheckResult result) {
        if (settled) {
            return;
        }
        settled = true;
        verdict.tryComplete(result);
        stopTimerAndClose();
    }

    private void stopTimerAndClose() {
        if (alarm != null) {
            alarm.cancel(false);
        }
        if (body != null) {
            body.release();
            body = null;
        }
        channel.close();
    }
}
