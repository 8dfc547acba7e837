package lvsdirector.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server for what WireMock cannot show: the raw request head (proxy form, Host header) or a
 * server that accepts and then says nothing. The reply is written verbatim; null reply = hang.
 */
public final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String reply;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RawServer(InetAddress bind, String reply) throws IOException {
        this.socket = new ServerSocket(0, 50, bind);
        this.reply = reply;
        this.acceptor = new Thread(this::acceptLoop, "raw-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Request heads received so far (up to the blank line). */
    public List<String> requests() {
        return requests;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            requests.add(head.toString(StandardCharsets.ISO_8859_1));
            if (reply == null) {
                return; // hang: keep the connection open and silent
            }
            OutputStream out = s.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.close();
        } catch (IOException e) {
            // the client gave up; nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
