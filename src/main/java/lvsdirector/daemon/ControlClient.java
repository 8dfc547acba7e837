package lvsdirector.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Sends one request to a daemon's control socket and returns its exit status and output. */
public final class ControlClient {
    /**
     * Longer than any request takes a healthy daemon (activate/deactivate give up after 30 s themselves), so it
     * only ends the wait on a hung one — e.g. heartbeat's ldirectord resource would otherwise wait forever.
     */
    public static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);

    private ControlClient() {}

    public record Reply(int status, String output) {}

    public static Reply request(Path socketPath, List<String> arguments) throws IOException {
        return request(socketPath, arguments, ANSWER_LIMIT);
    }

    /** The request, giving up (IOException) when the whole answer has not come within {@code limit}. */
    public static Reply request(Path socketPath, List<String> arguments, Duration limit) throws IOException {
        for (String a : arguments) {
            if (a.indexOf('\t') >= 0 || a.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("argument contains a tab or newline: " + a);
            }
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socketPath));
            ByteBuffer request = ByteBuffer.wrap((String.join("\t", arguments) + "\n").getBytes(StandardCharsets.UTF_8));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            String text = readAll(channel, socketPath, arguments.get(0), limit);
            int newline = text.indexOf('\n');
            if (!text.startsWith("EXIT ") || newline < 0) {
                throw new IOException("malformed reply from " + socketPath);
            }
            return new Reply(Integer.parseInt(text.substring(5, newline).trim()), text.substring(newline + 1));
        }
    }

    private static String readAll(SocketChannel channel, Path socketPath, String request, Duration limit) throws IOException {
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + limit.toNanos();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("no answer to '" + request + "' from the daemon on " + socketPath + " within "
                            + limit.toSeconds() + "s; it may be hung: see its log, and stop it (kill) if it stays so");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return all.toString(StandardCharsets.UTF_8);
                }
                buffer.flip();
                all.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }
    }
}
