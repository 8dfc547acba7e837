package lvsdirector.heartbeat.node;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HexFormat;

/** Test tool run inside a namespace: {@code PacketInjector HOST PORT HEX...} sends each packet, 100 ms apart. */
public final class PacketInjector {
    private PacketInjector() {}

    public static void main(String[] args) throws Exception {
        InetAddress host = InetAddress.getByName(args[0]);
        int port = Integer.parseInt(args[1]);
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 2; i < args.length; i++) {
                byte[] packet = HexFormat.of().parseHex(args[i]);
                socket.send(new DatagramPacket(packet, packet.length, host, port));
                Thread.sleep(100);
            }
        }
    }
}
