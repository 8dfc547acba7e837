package lvsdirector.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real server for end-to-end tests: an HTTP/1.0 responder on 127.0.0.1 that can answer, hang (accept
 * and never reply), or be down (port closed), switched while it runs. Keeps its port across restarts.
 */
final class LoopbackServer implements AutoCloseable {
    enum Mode { ANSWER, HANG }

    private final int port;
    private final String body;
    private volatile Mode mode = Mode.ANSWER;
    private ServerSocket socket;
    private Thread acceptor;
    private final List<Socket> held = new ArrayList<>();

    private LoopbackServer(int port, String body) {
        this.port = port;
        this.body = body;
    }

    static LoopbackServer start(String body) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        LoopbackServer server = new LoopbackServer(port, body);
        server.up();
        return server;
    }

    int port() {
        return port;
    }

    void mode(Mode newMode) {
        mode = newMode;
    }

    synchronized void up() throws IOException {
        if (socket != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        socket = s;
        acceptor = new Thread(() -> acceptLoop(s), "loopback-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void down() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
        for (Socket s : held) {
            s.close();
        }
        held.clear();
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                if (mode == Mode.HANG) {
                    synchronized (this) {
                        held.add(client);
                    }
                    continue;
                }
                answer(client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            client.setSoTimeout(2000);
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[4096];
            int total = 0;
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
                String seen = new String(buffer, 0, total, StandardCharsets.ISO_8859_1);
                if (seen.contains("\r\n\r\n")) {
                    break;
                }
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + content.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
        } catch (IOException e) {
            // the checker hung up first: nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
