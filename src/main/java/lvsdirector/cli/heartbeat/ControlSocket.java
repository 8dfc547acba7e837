package lvsdirector.cli.heartbeat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

/**
 * The running peer's command channel: a unix socket in the state directory, mode 0600 (bound under a
 * temporary name, restricted, then renamed into place). One request line, one reply line per connection.
 */
final class ControlSocket implements AutoCloseable {
    static final String SOCKET_FILE = "lvsd-heartbeat.sock";
    private static final int MAX_LINE = 4096;

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
        this.path = path;
        this.server = server;
        this.acceptor = new Thread(() -> serve(handler), "heartbeat-control");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    static ControlSocket open(Path stateDir, Function<String, String> handler) throws IOException {
        Path path = stateDir.resolve(SOCKET_FILE);
        Path temp = stateDir.resolve(SOCKET_FILE + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(temp);
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(temp));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
        return new ControlSocket(path, server, handler);
    }

    /** Sends one command to the peer of {@code stateDir}; its reply line. */
    static String ask(Path stateDir, String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(stateDir.resolve(SOCKET_FILE)))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            return readLine(channel);
        }
    }

    private void serve(Function<String, String> handler) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String reply;
                try {
                    reply = handler.apply(readLine(client));
                } catch (RuntimeException e) {
                    reply = "error: " + e.getMessage();
                }
                client.write(ByteBuffer.wrap((reply.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static String readLine(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                break;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }
}
