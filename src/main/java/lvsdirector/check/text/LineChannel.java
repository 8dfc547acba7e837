package lvsdirector.check.text;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.StreamChannelInternal;
import io.vertx.core.net.NetSocket;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A TCP connection read on demand: one pending read at a time ({@link #readLine}, {@link #readSome},
 * {@link #readToEnd}); the socket is paused while nobody reads, so a flooding server fills the kernel's buffers,
 * not the heap. Lines longer than {@code maxLine} bytes and more than {@code maxTotal} bytes in all fail the
 * read. Must be used on the socket's context.
 */
final class LineChannel {
    private final NetSocket socket;
    private final int maxLine;
    private final long maxTotal;
    private Buffer pending = Buffer.buffer();
    private long received;
    private boolean ended;
    private Throwable error;
    /** The pending read: returns the action that completes it once it can, else null. */
    private Supplier<Runnable> want;

    /** Content of a read to EOF; {@code truncated} when the limit cut it short. */
    record Content(byte[] bytes, boolean truncated) {}

    LineChannel(NetSocket socket, int maxLine, long maxTotal) {
        this.socket = socket;
        this.maxLine = maxLine;
        this.maxTotal = maxTotal;
        socket.pause();
        socket.handler(this::onData);
        socket.endHandler(v -> {
            ended = true;
            poke();
        });
        socket.exceptionHandler(e -> {
            error = e;
            poke();
        });
    }

    NetSocket socket() {
        return socket;
    }

    /** The next line without its CR LF; a last unterminated line at EOF; null at EOF. */
    Future<String> readLine() {
        return readLineMatching(line -> true);
    }

    /**
     * The first line {@code accept} takes, the others skipped (in a loop, not a chain of futures, so a
     * flood of short lines cannot overflow the stack); null at EOF.
     */
    Future<String> readLineMatching(Predicate<String> accept) {
        Promise<String> promise = Promise.promise();
        await(() -> {
            int start = 0;
            try {
                while (true) {
                    int newline = indexOfNewline(start);
                    if (newline < 0) {
                        break;
                    }
                    String line = text(pending.getBytes(start, newline));
                    start = newline + 1;
                    String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (accept.test(stripped)) {
                        return () -> promise.complete(stripped);
                    }
                }
            } finally {
                // one copy per chunk, not per line: a flood of short lines stays linear
                pending = start == 0 ? pending : pending.getBuffer(start, pending.length());
            }
            if (pending.length() > maxLine) {
                return () -> promise.fail(TextFailure.badResponse("reply line longer than " + maxLine + " bytes"));
            }
            return endOrError(promise, () -> {
                String rest = pending.length() == 0 ? null : text(pending.getBytes());
                pending = Buffer.buffer();
                return rest == null || accept.test(rest) ? rest : null;
            });
        });
        return promise.future();
    }

    /** Whatever arrives first, at most {@code max} bytes; null at EOF. */
    Future<byte[]> readSome(int max) {
        Promise<byte[]> promise = Promise.promise();
        await(() -> {
            if (pending.length() > 0) {
                byte[] bytes = pending.getBytes(0, Math.min(max, pending.length()));
                pending = pending.getBuffer(bytes.length, pending.length());
                return () -> promise.complete(bytes);
            }
            return endOrError(promise, () -> null);
        });
        return promise.future();
    }

    /** Everything up to EOF, or the first {@code limit} bytes of a longer stream (the rest is never read). */
    Future<Content> readToEnd(int limit) {
        Promise<Content> promise = Promise.promise();
        await(() -> {
            if (pending.length() > limit) {
                return () -> promise.complete(new Content(pending.getBytes(0, limit), true));
            }
            return endOrError(promise, () -> new Content(pending.getBytes(), false));
        });
        return promise.future();
    }

    Future<Void> send(String line) {
        return socket.write(Buffer.buffer(line + "\r\n", StandardCharsets.UTF_8.name()));
    }

    Future<Void> write(byte[] bytes) {
        return socket.write(Buffer.buffer(bytes));
    }

    /** Closes the sending half (shutdown SHUT_WR): the server sees EOF and can still answer. */
    void shutdownOutput() {
        Channel channel = ((StreamChannelInternal) socket).channelHandlerContext().channel();
        if (channel instanceof DuplexChannel duplex) {
            duplex.shutdownOutput();
        }
    }

    /** Sends a farewell command (QUIT, LOGOUT) without waiting for its answer, then closes. */
    void quit(String command) {
        send(command).onComplete(ar -> socket.close());
    }

    void close() {
        socket.close();
    }

    private <T> Runnable endOrError(Promise<T> promise, Supplier<T> atEnd) {
        if (error != null) {
            Throwable e = error;
            return () -> promise.fail(e);
        }
        if (ended) {
            T value = atEnd.get();
            return () -> promise.complete(value);
        }
        return null;
    }

    private void await(Supplier<Runnable> read) {
        if (want != null) {
            throw new IllegalStateException("a read is already pending");
        }
        want = read;
        poke();
    }

    private void onData(Buffer chunk) {
        received += chunk.length();
        if (received > maxTotal) {
            error = TextFailure.badResponse("reply longer than " + maxTotal + " bytes");
            socket.close();
        } else {
            pending.appendBuffer(chunk);
        }
        poke();
    }

    private void poke() {
        if (want != null) {
            Runnable done = want.get();
            if (done != null) {
                want = null;
                done.run();
            }
        }
        if (want == null || ended || error != null) {
            socket.pause();
        } else {
            socket.resume();
        }
    }

    /** Looks no further than one byte past the longest allowed line. */
    private int indexOfNewline(int from) {
        int end = Math.min(pending.length(), from + maxLine + 1);
        for (int i = from; i < end; i++) {
            if (pending.getByte(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Protocol text as one char per byte, so any byte sequence survives for matching and messages. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
