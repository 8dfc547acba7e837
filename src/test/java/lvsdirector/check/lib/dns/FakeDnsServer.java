package lvsdirector.check.lib.dns;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Map;

/**
 * A loopback DNS server for tests, on UDP and TCP (same port number): answers A and PTR questions from a map of
 * "TYPE name" → rdata (4 address bytes for A, a dotted name for PTR); NXDOMAIN for anything else.
 */
final class FakeDnsServer implements AutoCloseable {
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, Object> records;

    FakeDnsServer(Map<String, Object> records) throws IOException {
        this.records = records;
        ServerSocket server = null;
        DatagramSocket datagram = null;
        for (int tries = 0; tries < 20 && datagram == null; tries++) {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            try {
                datagram = new DatagramSocket(server.getLocalPort(), InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                server.close();
            }
        }
        this.tcp = server;
        this.udp = datagram;
        daemon(this::serveUdp);
        daemon(this::serveTcp);
    }

    int port() {
        return tcp.getLocalPort();
    }

    private static void daemon(Runnable body) {
        Thread t = new Thread(body, "fake-dns");
        t.setDaemon(true);
        t.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[512];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] reply = answer(Arrays.copyOf(packet.getData(), packet.getLength()));
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = answer(query);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(byte[] query) {
        int[] pos = {12};
        String name = DnsMessages.readName(query, pos);
        int type = ((query[pos[0]] & 0xff) << 8) | (query[pos[0] + 1] & 0xff);
        int questionEnd = pos[0] + 4;
        Object rdata = records.get((type == DnsMessages.TYPE_A ? "A " : "PTR ") + name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query[0]);
        out.write(query[1]);
        out.write(0x81);
        out.write(rdata == null ? 0x83 : 0x80); // NXDOMAIN when unknown
        out.writeBytes(new byte[] {0, 1, 0, (byte) (rdata == null ? 0 : 1), 0, 0, 0, 0});
        out.write(query, 12, questionEnd - 12);
        if (rdata != null) {
            byte[] data = rdata instanceof byte[] bytes ? bytes : encodeName((String) rdata);
            out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, (byte) type, 0, 1, 0, 0, 0, 60,
                (byte) (data.length >> 8), (byte) data.length});
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    private static byte[] encodeName(String name) {
        byte[] query = DnsMessages.query(0, name, 1);
        return Arrays.copyOfRange(query, 12, query.length - 4);
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
