package lvsdirector.cli.heartbeat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extracts UDP/IPv4 payloads from a classic libpcap file (either byte order, micro- or nanosecond
 * timestamps) with Ethernet (optionally 802.1Q tagged), Linux cooked (SLL and SLL2) or raw IP framing.
 * Frames that are not IPv4 UDP, or not to or from {@code port} (0: any port), are skipped: they are
 * not heartbeat packets.
 */
final class PcapReader {
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_LINUX_SLL2 = 276;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int UDP = 17;

    private PcapReader() {}

    static boolean isPcap(byte[] content) {
        return content.length >= 4 && byteOrder(content) != null;
    }

    private static ByteOrder byteOrder(byte[] c) {
        int be = ByteBuffer.wrap(c, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (be == 0xa1b2c3d4 || be == 0xa1b23c4d) {
            return ByteOrder.BIG_ENDIAN;
        }
        int le = ByteBuffer.wrap(c, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return le == 0xa1b2c3d4 || le == 0xa1b23c4d ? ByteOrder.LITTLE_ENDIAN : null;
    }

    static List<Datagram> read(String name, byte[] content, int port) {
        List<Datagram> packets = new ArrayList<>();
        if (content.length < 24) {
            packets.add(Datagram.unreadable(name, "input: pcap header of " + name + " is cut off"));
            return packets;
        }
        ByteBuffer buf = ByteBuffer.wrap(content).order(byteOrder(content));
        int linkType = buf.getInt(20) & 0x0fffffff;
        if (linkType != LINKTYPE_ETHERNET && linkType != LINKTYPE_RAW && linkType != LINKTYPE_LINUX_SLL && linkType != LINKTYPE_LINUX_SLL2) {
            packets.add(Datagram.unreadable(name, "input: pcap link type " + linkType + " of " + name + " is not supported"));
            return packets;
        }
        int pos = 24;
        for (int frame = 1; pos < content.length; frame++) {
            String origin = name + " frame " + frame;
            if (content.length - pos < 16) {
                packets.add(Datagram.unreadable(origin, "input: pcap record header of " + origin + " is cut off"));
                break;
            }
            long captured = buf.getInt(pos + 8) & 0xffffffffL;
            long original = buf.getInt(pos + 12) & 0xffffffffL;
            if (captured > content.length - pos - 16) {
                packets.add(Datagram.unreadable(origin, "input: " + origin + " is cut off"));
                break;
            }
            ByteBuffer frameBytes = ByteBuffer.wrap(content, pos + 16, (int) captured).slice().order(ByteOrder.BIG_ENDIAN);
            pos += 16 + (int) captured;
            udpPayload(origin, frameBytes, linkType, port, captured < original).ifPresent(packets::add);
        }
        return packets;
    }

    private static Optional<Datagram> udpPayload(String origin, ByteBuffer f, int linkType, int port, boolean snapped) {
        int ip = ipOffset(f, linkType);
        if (ip < 0 || f.limit() < ip + 20 || (f.get(ip) & 0xf0) != 0x40 || (f.get(ip + 9) & 0xff) != UDP) {
            return Optional.empty();
        }
        int headerLength = (f.get(ip) & 0x0f) * 4;
        int totalLength = f.getShort(ip + 2) & 0xffff;
        int udp = ip + headerLength;
        if (headerLength < 20 || f.limit() < udp + 8) {
            return Optional.of(Datagram.unreadable(origin, "input: IPv4/UDP headers of " + origin + " are cut off"));
        }
        int srcPort = f.getShort(udp) & 0xffff;
        int dstPort = f.getShort(udp + 2) & 0xffff;
        if (port != 0 && srcPort != port && dstPort != port) {
            return Optional.empty();
        }
        Optional<String> flow = Optional.of(address(f, ip + 12) + ":" + srcPort + " > " + address(f, ip + 16) + ":" + dstPort);
        int fragment = f.getShort(ip + 6) & 0x3fff;
        if (fragment != 0) {
            return Optional.of(new Datagram(origin, flow, new byte[0], Optional.of("input: " + origin + " is an IP fragment (not reassembled)")));
        }
        int udpLength = f.getShort(udp + 4) & 0xffff;
        int end = udp + udpLength;
        if (snapped || udpLength < 8 || end > f.limit() || end > ip + totalLength) {
            return Optional.of(new Datagram(origin, flow, new byte[0], Optional.of("input: UDP payload of " + origin + " was not captured whole")));
        }
        byte[] payload = new byte[udpLength - 8];
        f.get(udp + 8, payload);
        return Optional.of(Datagram.of(origin, flow, payload));
    }

    /** Offset of the IPv4 header in the frame, or -1 when the frame carries something else. */
    private static int ipOffset(ByteBuffer f, int linkType) {
        int typeAt;
        int ip;
        switch (linkType) {
            case LINKTYPE_RAW -> {
                return 0;
            }
            case LINKTYPE_LINUX_SLL -> {
                typeAt = 14;
                ip = 16;
            }
            case LINKTYPE_LINUX_SLL2 -> {
                typeAt = 0;
                ip = 20;
            }
            default -> {
                typeAt = 12;
                ip = 14;
            }
        }
        if (f.limit() < ip) {
            return -1;
        }
        int type = f.getShort(typeAt) & 0xffff;
        if (linkType == LINKTYPE_ETHERNET && type == ETHERTYPE_VLAN && f.limit() >= ip + 4) {
            type = f.getShort(typeAt + 4) & 0xffff;
            ip += 4;
        }
        return type == ETHERTYPE_IPV4 ? ip : -1;
    }

    private static String address(ByteBuffer f, int at) {
        return (f.get(at) & 0xff) + "." + (f.get(at + 1) & 0xff) + "." + (f.get(at + 2) & 0xff) + "." + (f.get(at + 3) & 0xff);
    }
}
