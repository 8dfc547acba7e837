package lvsdirector.netlink.icmp;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One ICMP socket for one address family: an unprivileged ICMP datagram socket when
 * net.ipv4.ping_group_range admits our group, else a raw socket (needs CAP_NET_RAW). Receives wait at most
 * {@value #RECEIVE_POLL_MILLIS} ms so a closing owner is noticed.
 */
final class IcmpSocket implements AutoCloseable {
    static final int RECEIVE_POLL_MILLIS = 200;

    private final int fd;
    private final boolean ipv6;
    private final boolean raw;
    private final byte[] buffer = new byte[2048];
    private final byte[] from = new byte[28];
    private volatile boolean closed;

    private IcmpSocket(int fd, boolean ipv6, boolean raw) {
        this.fd = fd;
        this.ipv6 = ipv6;
        this.raw = raw;
    }

    static IcmpSocket open(boolean ipv6) throws IOException {
        int domain = ipv6 ? IcmpLibC.AF_INET6 : IcmpLibC.AF_INET;
        int protocol = ipv6 ? IcmpLibC.IPPROTO_ICMPV6 : IcmpLibC.IPPROTO_ICMP;
        int datagramErrno;
        try {
            return configured(IcmpLibC.socket(domain, IcmpLibC.SOCK_DGRAM | IcmpLibC.SOCK_CLOEXEC, protocol), ipv6,
                    false);
        } catch (LastErrorException e) {
            datagramErrno = e.getErrorCode();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("native access unavailable (JNA): " + e.getMessage(), e);
        }
        try {
            return configured(IcmpLibC.socket(domain, IcmpLibC.SOCK_RAW | IcmpLibC.SOCK_CLOEXEC, protocol), ipv6,
                    true);
        } catch (LastErrorException e) {
            throw new IOException("cannot open an ICMP" + (ipv6 ? "v6" : "") + " socket: datagram errno "
                    + datagramErrno + " (not in net.ipv4.ping_group_range?), raw errno " + e.getErrorCode()
                    + " (needs CAP_NET_RAW)");
        }
    }

    private static IcmpSocket configured(int fd, boolean ipv6, boolean raw) throws IOException {
        byte[] timeval = new byte[16];
        long micros = RECEIVE_POLL_MILLIS * 1000L;
        java.nio.ByteBuffer.wrap(timeval).order(java.nio.ByteOrder.nativeOrder()).putLong(0).putLong(micros);
        try {
            IcmpLibC.setsockopt(fd, IcmpLibC.SOL_SOCKET, IcmpLibC.SO_RCVTIMEO, timeval, timeval.length);
        } catch (LastErrorException e) {
            IcmpLibC.close(fd);
            throw new IOException("setsockopt(SO_RCVTIMEO) failed: errno " + e.getErrorCode());
        }
        return new IcmpSocket(fd, ipv6, raw);
    }

    boolean raw() {
        return raw;
    }

    /**
     * Sends one echo request. On a datagram socket the kernel replaces the identifier with the socket's own
     * and delivers only replies carrying it.
     */
    void sendEcho(InetAddress target, int identifier, int sequence, byte[] payload) throws IOException {
        if ((target instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException("address family mismatch: " + target);
        }
        byte[] packet = IcmpPackets.echoRequest(ipv6, identifier, sequence, payload);
        byte[] address = IcmpPackets.sockaddr(target);
        try {
            IcmpLibC.sendto(fd, packet, packet.length, 0, address, address.length);
        } catch (LastErrorException e) {
            throw new IOException("sendto " + target.getHostAddress() + " failed: errno " + e.getErrorCode());
        }
    }

    /** The next echo reply, or null when none arrived within the poll interval (or the datagram was something else). */
    EchoReply receive() throws IOException {
        int[] fromLength = {from.length};
        long length;
        try {
            length = IcmpLibC.recvfrom(fd, buffer, buffer.length, 0, from, fromLength);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == IcmpLibC.EAGAIN || e.getErrorCode() == IcmpLibC.EINTR) {
                return null;
            }
            throw new IOException("recvfrom failed: errno " + e.getErrorCode());
        }
        InetAddress sender = IcmpPackets.fromSockaddr(from, fromLength[0]);
        return IcmpPackets.parseReply(buffer, (int) length, ipv6, raw && !ipv6, sender);
    }

    boolean closed() {
        return closed;
    }

    /**
     * Marks the socket closed; the descriptor itself is released by the receiving thread via {@link #release()},
     * so it is never closed (and its number reused) under a running recvfrom.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Closes the descriptor; only for the thread that calls {@link #receive()}, after its last receive. */
    void release() {
        closed = true;
        try {
            IcmpLibC.close(fd);
        } catch (LastErrorException ignored) {
            // already gone
        }
    }
}
