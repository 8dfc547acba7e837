package lvsdirector.check.text;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback UDP server answering each datagram with {@code reply(request)} (null = stay silent). */
final class UdpResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();

    UdpResponder(Function<String, List<String>> reply) throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(reply), "udp-responder-" + socket.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> received() {
        return received;
    }

    private void serve(Function<String, List<String>> reply) {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                received.add(request);
                List<String> answers = reply.apply(request);
                if (answers == null) {
                    continue;
                }
                for (String answer : answers) {
                    byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
                    socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
