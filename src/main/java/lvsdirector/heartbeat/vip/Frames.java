package lvsdirector.heartbeat.vip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * The Ethernet frames that announce an address, byte for byte:
 * <ul>
 * <li>gratuitous ARP as send_arp builds it (heartbeat-protocol.md §6): 42 bytes, broadcast destination, the
 * interface's MAC as source and sender hardware address, sender and target protocol address both the VIP; the
 * request's target hardware address is zero, the reply's is the interface's MAC;</li>
 * <li>an unsolicited neighbour advertisement (RFC 4861 §7.2.6): to ff02::1 (Ethernet 33:33:00:00:00:01) from the
 * VIP, hop limit 255, override flag set, target = VIP, with a target link-layer address option carrying the MAC,
 * and the ICMPv6 checksum over the IPv6 pseudo header computed here.</li>
 * </ul>
 */
public final class Frames {
    public static final int ARP_FRAME_LENGTH = 42;
    public static final int NA_FRAME_LENGTH = 86;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ARP_REQUEST = 1;
    private static final int ARP_REPLY = 2;
    private static final int ICMPV6 = 58;
    private static final int NEIGHBOR_ADVERTISEMENT = 136;
    private static final int FLAG_OVERRIDE = 0x20000000;
    private static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
    private static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private Frames() {}

    public static byte[] arpRequest(byte[] mac, Inet4Address vip) {
        return arp(ARP_REQUEST, mac, vip, new byte[6]);
    }

    public static byte[] arpReply(byte[] mac, Inet4Address vip) {
        return arp(ARP_REPLY, mac, vip, mac);
    }

    private static byte[] arp(int operation, byte[] mac, Inet4Address vip, byte[] targetMac) {
        requireMac(mac);
        ByteBuffer f = ByteBuffer.allocate(ARP_FRAME_LENGTH);
        f.put(BROADCAST).put(mac).putShort((short) ETHERTYPE_ARP);
        f.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) operation);
        f.put(mac).put(vip.getAddress()).put(targetMac).put(vip.getAddress());
        return f.array();
    }

    public static byte[] unsolicitedNeighborAdvertisement(byte[] mac, Inet6Address vip) {
        requireMac(mac);
        int icmpLength = 24 + 8;
        ByteBuffer f = ByteBuffer.allocate(NA_FRAME_LENGTH);
        f.put(ALL_NODES_MAC).put(mac).putShort((short) ETHERTYPE_IPV6);
        f.putInt(6 << 28).putShort((short) icmpLength).put((byte) ICMPV6).put((byte) 255);
        f.put(vip.getAddress()).put(ALL_NODES);
        int icmpStart = f.position();
        f.put((byte) NEIGHBOR_ADVERTISEMENT).put((byte) 0).putShort((short) 0).putInt(FLAG_OVERRIDE);
        f.put(vip.getAddress());
        f.put((byte) OPTION_TARGET_LINK_LAYER_ADDRESS).put((byte) 1).put(mac);
        byte[] frame = f.array();
        int checksum = icmpv6Checksum(vip.getAddress(), ALL_NODES, frame, icmpStart, icmpLength);
        frame[icmpStart + 2] = (byte) (checksum >>> 8);
        frame[icmpStart + 3] = (byte) checksum;
        return frame;
    }

    /** The ICMPv6 checksum: one's complement sum over the pseudo header (source, destination, length, 58) and the message. */
    static int icmpv6Checksum(byte[] source, byte[] destination, byte[] data, int offset, int length) {
        long sum = sum(source, 0, 16) + sum(destination, 0, 16) + length + ICMPV6 + sum(data, offset, length);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = data[offset + i] & 0xff;
            int low = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
            sum += high << 8 | low;
        }
        return sum;
    }

    private static void requireMac(byte[] mac) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + mac.length
                    + " (interface without a MAC?)");
        }
    }
}
