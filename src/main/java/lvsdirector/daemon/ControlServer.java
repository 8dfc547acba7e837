package lvsdirector.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's local control socket: a UNIX stream socket of mode 0600 in a 0700 directory. A request is
 * one line of tab-separated arguments (e.g. lvsadm's "-L\t-n"); the answer is "EXIT n\n" followed by
 * the command's output. Besides the file modes, every connection's peer credentials are checked
 * ({@link ControlAccess}); a refused client gets {@value #REFUSED_STATUS} and one line saying why, and
 * the daemon logs the first refusal of each user.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_REQUEST = 64 * 1024;
    /** The exit status of a refused request (EX_NOPERM of sysexits.h). */
    static final int REFUSED_STATUS = 77;
    private static final long REFUSAL_WAIT_MS = 1000;

    /** Runs one request; returns the exit status. */
    @FunctionalInterface
    public interface Handler {
        int handle(List<String> arguments, PrintWriter out);
    }

    private final Path socketPath;
    private final ServerSocketChannel server;
    private final ControlAccess access;
    private final Set<String> refusedUsers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path socketPath, ServerSocketChannel server, Handler handler, ControlAccess access) {
        this.socketPath = socketPath;
        this.server = server;
        this.access = access;
        this.acceptor = new Thread(() -> acceptLoop(handler), "control-socket");
        this.acceptor.setDaemon(true);
    }

    /** Serves root and the daemon's own user. */
    public static ControlServer start(Path socketPath, Handler handler) throws IOException {
        return start(socketPath, handler, ControlAccess.rootAndSelf());
    }

    static ControlServer start(Path socketPath, Handler handler, ControlAccess access) throws IOException {
        Path dir = socketPath.getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(socketPath);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socketPath));
        Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
        ControlServer server = new ControlServer(socketPath, channel, handler, access);
        server.acceptor.start();
        return server;
    }

    public Path socketPath() {
        return socketPath;
    }

    private void acceptLoop(Handler handler) {
        while (!closed) {
            try (SocketChannel client = server.accept()) {
                UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
                if (access.allows(peer)) {
                    serve(client, handler);
                } else {
                    refuse(client, peer);
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control socket {}: {}", socketPath, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("control socket request failed", e);
            }
        }
    }

    private void refuse(SocketChannel client, UnixDomainPrincipal peer) throws IOException {
        awaitRequest(client);
        String refusal = access.refusal(peer);
        if (refusedUsers.add(peer.user().getName())) {
            LOG.warn("control socket {}: refused a connection of user {} (further refusals of this user are not logged)",
                    socketPath, peer.user().getName());
        }
        reply(client, REFUSED_STATUS, (refusal + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Consumes the refused client's request, waiting at most {@value #REFUSAL_WAIT_MS} ms for it: unread data
     * would make the client's read fail with ECONNRESET instead of showing the reason, and a client that
     * sends nothing must not hold up the accept loop.
     */
    private static void awaitRequest(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long deadline = System.nanoTime() + REFUSAL_WAIT_MS * 1_000_000L;
        try (Selector selector = Selector.open()) {
            client.register(selector, SelectionKey.OP_READ);
            long left;
            while ((left = (deadline - System.nanoTime()) / 1_000_000L) > 0 && selector.select(left) >= 0) {
                selector.selectedKeys().clear();
                buffer.clear();
                int n = client.read(buffer);
                if (n < 0 || indexOf(Arrays.copyOf(buffer.array(), Math.max(n, 0)), (byte) '\n') >= 0) {
                    break;
                }
            }
        }
        client.configureBlocking(true);
    }

    private static void serve(SocketChannel client, Handler handler) throws IOException {
        String request = readLine(client);
        List<String> arguments = request.isEmpty() ? List.of() : Arrays.asList(request.split("\t", -1));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(output, StandardCharsets.UTF_8))) {
            status = handler.handle(arguments, out);
        }
        reply(client, status, output.toByteArray());
    }

    private static void reply(SocketChannel client, int status, byte[] output) throws IOException {
        byte[] header = ("EXIT " + status + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer reply = ByteBuffer.allocate(header.length + output.length);
        reply.put(header).put(output).flip();
        while (reply.hasRemaining()) {
            client.write(reply);
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(4096);
        while (line.size() < MAX_REQUEST) {
            one.clear();
            int n = client.read(one);
            if (n < 0) {
                break;
            }
            byte[] chunk = Arrays.copyOf(one.array(), n);
            int newline = indexOf(chunk, (byte) '\n');
            if (newline >= 0) {
                line.write(chunk, 0, newline);
                break;
            }
            line.write(chunk);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket that already failed
        }
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException ignored) {
            // a stale socket file is replaced at the next start
        }
    }
}
