package lvsdirector.netlink.icmp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Builds echo requests, parses echo replies and converts socket addresses (sockaddr_in / sockaddr_in6). */
final class IcmpPackets {
    static final int ECHO_REQUEST_V4 = 8;
    static final int ECHO_REPLY_V4 = 0;
    static final int ECHO_REQUEST_V6 = 128;
    static final int ECHO_REPLY_V6 = 129;
    private static final int HEADER = 8;

    private IcmpPackets() {}

    /** An echo request with the given identifier, sequence and payload; the checksum is filled in. */
    static byte[] echoRequest(boolean ipv6, int identifier, int sequence, byte[] payload) {
        byte[] packet = new byte[HEADER + payload.length];
        packet[0] = (byte) (ipv6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4);
        packet[4] = (byte) (identifier >> 8);
        packet[5] = (byte) identifier;
        packet[6] = (byte) (sequence >> 8);
        packet[7] = (byte) sequence;
        System.arraycopy(payload, 0, packet, HEADER, payload.length);
        // ICMPv6's checksum covers a pseudo header the kernel fills in itself; ICMPv4's is ours to compute
        if (!ipv6) {
            int sum = checksum(packet, 0, packet.length);
            packet[2] = (byte) (sum >> 8);
            packet[3] = (byte) sum;
        }
        return packet;
    }

    /** The internet checksum (RFC 1071) of a byte range. */
    static int checksum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (data[offset + length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /**
     * Parses a received datagram; null unless it is an echo reply. Raw IPv4 sockets deliver the IP header
     * first, datagram sockets and IPv6 sockets deliver only the ICMP message.
     */
    static EchoReply parseReply(byte[] data, int length, boolean ipv6, boolean withIpHeader, InetAddress from) {
        int offset = 0;
        if (withIpHeader) {
            if (length < 20) {
                return null;
            }
            offset = (data[0] & 0x0f) * 4;
        }
        if (length - offset < HEADER) {
            return null;
        }
        int type = data[offset] & 0xff;
        if (type != (ipv6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4)) {
            return null;
        }
        int identifier = ((data[offset + 4] & 0xff) << 8) | (data[offset + 5] & 0xff);
        int sequence = ((data[offset + 6] & 0xff) << 8) | (data[offset + 7] & 0xff);
        return new EchoReply(from, identifier, sequence);
    }

    static byte[] sockaddr(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] sa = new byte[28];
            putFamily(sa, IcmpLibC.AF_INET6);
            System.arraycopy(v6.getAddress(), 0, sa, 8, 16);
            int scope = v6.getScopeId();
            sa[24] = (byte) scope;
            sa[25] = (byte) (scope >> 8);
            sa[26] = (byte) (scope >> 16);
            sa[27] = (byte) (scope >> 24);
            return sa;
        }
        byte[] sa = new byte[16];
        putFamily(sa, IcmpLibC.AF_INET);
        System.arraycopy(((Inet4Address) address).getAddress(), 0, sa, 4, 4);
        return sa;
    }

    static InetAddress fromSockaddr(byte[] sa, int length) {
        try {
            int family = family(sa);
            if (family == IcmpLibC.AF_INET6 && length >= 24) {
                return InetAddress.getByAddress(Arrays.copyOfRange(sa, 8, 24));
            }
            if (family == IcmpLibC.AF_INET && length >= 8) {
                return InetAddress.getByAddress(Arrays.copyOfRange(sa, 4, 8));
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /** sa_family is in host byte order. */
    private static void putFamily(byte[] sa, int family) {
        sa[LITTLE_ENDIAN ? 0 : 1] = (byte) family;
        sa[LITTLE_ENDIAN ? 1 : 0] = (byte) (family >> 8);
    }

    private static int family(byte[] sa) {
        return LITTLE_ENDIAN ? (sa[0] & 0xff) | ((sa[1] & 0xff) << 8) : ((sa[0] & 0xff) << 8) | (sa[1] & 0xff);
    }
}
