package lvsdirector.netlink.packet;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An AF_PACKET/SOCK_RAW socket bound to one interface, for sending whole Ethernet frames that the caller built
 * (gratuitous ARP, unsolicited neighbour advertisements). The kernel sends the frame as it is, on that interface
 * only. Needs CAP_NET_RAW. It is bound to an EtherType nobody uses for receiving (protocol 0), so no traffic is
 * queued to it. Thread-safe: sends are independent datagrams.
 */
public final class PacketSocket implements AutoCloseable {
    /** Shortest frame worth handing over: an Ethernet header. */
    public static final int ETHERNET_HEADER = 14;

    private final int fd;
    private final int interfaceIndex;
    private volatile boolean closed;

    private PacketSocket(int fd, int interfaceIndex) {
        this.fd = fd;
        this.interfaceIndex = interfaceIndex;
    }

    /**
     * Binds the native functions now, opening nothing, so that a first {@link #open} (an address takeover's
     * announcement) does not pay for it; a failure is left for {@code open} to report.
     */
    public static void preload() {
        try {
            Class.forName(PacketLibC.class.getName(), true, PacketSocket.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // open() reports it as "native access unavailable"
        }
    }

    /** Opens a packet socket bound to the interface with this index. */
    public static PacketSocket open(int interfaceIndex) throws IOException {
        int fd;
        try {
            // protocol 0: transmit only, the socket receives nothing
            fd = PacketLibC.socket(PacketLibC.AF_PACKET, PacketLibC.SOCK_RAW | PacketLibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot open a packet socket: " + explain(e.getErrorCode()));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("native access unavailable (JNA): " + e.getMessage(), e);
        }
        try {
            byte[] address = sockaddrLl(interfaceIndex);
            PacketLibC.bind(fd, address, address.length);
        } catch (LastErrorException e) {
            closeQuietly(fd);
            throw new IOException("cannot bind a packet socket to interface index " + interfaceIndex + ": "
                    + explain(e.getErrorCode()));
        }
        return new PacketSocket(fd, interfaceIndex);
    }

    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** Sends one complete Ethernet frame (destination, source, EtherType, payload). */
    public void send(byte[] frame) throws IOException {
        if (frame.length < ETHERNET_HEADER) {
            throw new IllegalArgumentException("not an Ethernet frame: " + frame.length + " bytes");
        }
        if (closed) {
            throw new IOException("packet socket closed");
        }
        while (true) {
            try {
                long sent = PacketLibC.send(fd, frame, frame.length, 0);
                if (sent != frame.length) {
                    throw new IOException("short send on interface index " + interfaceIndex + ": " + sent + " of "
                            + frame.length + " bytes");
                }
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != PacketLibC.EINTR) {
                    throw new IOException("cannot send a frame on interface index " + interfaceIndex + ": "
                            + explain(e.getErrorCode()));
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(fd);
        }
    }

    /** struct sockaddr_ll: family, protocol (network order), ifindex, then hatype, pkttype, halen, addr unused. */
    static byte[] sockaddrLl(int interfaceIndex) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putShort((short) PacketLibC.AF_PACKET);
        b.putShort((short) 0);
        b.putInt(interfaceIndex);
        return b.array();
    }

    private static String explain(int errno) {
        return switch (errno) {
            case PacketLibC.EPERM -> "EPERM (1), needs CAP_NET_RAW";
            case PacketLibC.ENODEV -> "ENODEV (19), no such interface";
            case PacketLibC.ENETDOWN -> "ENETDOWN (100), the interface is down";
            default -> "errno " + errno;
        };
    }

    private static void closeQuietly(int fd) {
        try {
            PacketLibC.close(fd);
        } catch (LastErrorException ignored) {
            // the descriptor is gone either way
        }
    }
}
