package lvsdirector.check.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ServerSocketFactory;

/**
 * A loopback TCP server that plays a script per connection (a test's lambda) and records the lines the
 * client sent. Threads are fine here: it is test code, the client under test is the event-loop one.
 */
final class ScriptedServer implements AutoCloseable {
    /** One connection's script. */
    @FunctionalInterface
    interface Script {
        void play(Conn conn) throws Exception;
    }

    /** The server side of one connection. */
    static final class Conn {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private final List<String> received;
        private final CountDownLatch closed;

        Conn(Socket socket, List<String> received, CountDownLatch closed) throws IOException {
            this.closed = closed;
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
            this.received = received;
        }

        /** Sends the text as is (write "\r\n" yourself). */
        Conn send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        }

        /** Reads one line, records it and returns it (null at EOF). */
        String line() throws IOException {
            String line = in.readLine();
            if (line != null) {
                received.add(line);
            }
            return line;
        }

        /** Reads one line and answers it. */
        Conn answer(String reply) throws IOException {
            line();
            return send(reply);
        }

        /** Keeps the connection open and silent until the test closes the server, even after a half-close. */
        void hang() throws IOException, InterruptedException {
            while (in.read() >= 0) {
                // swallow whatever the client sends
            }
            closed.await();
        }

        /** One byte a second, for ever (until the client closes). */
        void trickle(String text) throws IOException, InterruptedException {
            for (int i = 0; ; i = (i + 1) % text.length()) {
                out.write(text.charAt(i));
                out.flush();
                Thread.sleep(1000);
            }
        }

        /** Sends {@code text} over and over until the client closes or {@code maxBytes} are out. */
        long flood(String text, long maxBytes) {
            byte[] chunk = text.repeat(Math.max(1, 65536 / text.length())).getBytes(StandardCharsets.ISO_8859_1);
            long sent = 0;
            try {
                while (sent < maxBytes) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException e) {
                // the client closed: that is the point
            }
            return sent;
        }

        Socket socket() {
            return socket;
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    ScriptedServer(Script script) throws IOException {
        this(ServerSocketFactory.getDefault(), InetAddress.getLoopbackAddress(), script);
    }

    ScriptedServer(ServerSocketFactory factory, InetAddress bind, Script script) throws IOException {
        this.server = factory.createServerSocket(0, 50, bind);
        this.script = script;
        Thread acceptor = new Thread(this::accept, "scripted-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Lines the clients sent, in order. */
    List<String> received() {
        return received;
    }

    List<Throwable> errors() {
        return errors;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "scripted-conn-" + socket.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            script.play(new Conn(socket, received, closed));
        } catch (IOException e) {
            // the client went away
        } catch (Exception e) {
            errors.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
