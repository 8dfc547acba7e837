package lvsdirector.director.alert;

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

/** A one-connection-at-a-time SMTP server on 127.0.0.1 that records every line the client sends. */
final class SmtpListener implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread thread;
    private final int rcptReply;

    SmtpListener(int rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        thread = new Thread(this::serve, "smtp-listener");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                converse(s);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        send(out, "220 test ESMTP");
        boolean data = false;
        String line;
        while ((line = in.readLine()) != null) {
            received.add(line);
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    send(out, "250 queued");
                }
                continue;
            }
            if (line.startsWith("EHLO")) {
                send(out, "250-test\r\n250 8BITMIME");
            } else if (line.startsWith("MAIL FROM:")) {
                send(out, "250 ok");
            } else if (line.startsWith("RCPT TO:")) {
                send(out, rcptReply + " rcpt");
            } else if (line.equals("DATA")) {
                data = true;
                send(out, "354 go ahead");
            } else if (line.equals("QUIT")) {
                send(out, "221 bye");
                return;
            } else {
                send(out, "500 unknown");
            }
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
