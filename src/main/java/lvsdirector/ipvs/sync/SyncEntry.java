package lvsdirector.ipvs.sync;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One connection or persistence template in a v1 sync message ({@code struct ip_vs_sync_v4/v6}).
 * A template has the TEMPLATE flag and client port 0; a firewall-mark template has protocol 0 and the
 * mark both in {@code fwmark} and, written as an address, in {@code virtualAddress}.
 *
 * @param protocol       IPPROTO number (6 TCP, 17 UDP, 132 SCTP, 0 for fwmark templates)
 * @param flags          the connection's IP_VS_CONN_F_* flags
 * @param state          protocol state (templates: 0 NONE, 1 ASSURED)
 * @param timeoutSeconds remaining lifetime the receiver gives the entry, unsigned 32 bits
 */
public record SyncEntry(int protocol, int flags, int state, int clientPort, int virtualPort, int destinationPort,
                        int fwmark, long timeoutSeconds, InetAddress client, InetAddress virtualAddress,
                        InetAddress destination, List<SyncOption> options) {
    public static final int FLAG_INACTIVE = 0x0100;
    public static final int FLAG_TEMPLATE = 0x1000;
    static final int V4_SIZE = 36;
    static final int V6_SIZE = 72;

    public SyncEntry {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
        Objects.requireNonNull(destination, "destination");
        boolean v6 = !(client instanceof Inet4Address);
        if (!(virtualAddress instanceof Inet4Address) != v6 || !(destination instanceof Inet4Address) != v6) {
            throw new IllegalArgumentException("client, virtual and destination addresses must share one family");
        }
        checkRange("protocol", protocol, 255);
        checkRange("state", state, 0xffff);
        checkRange("client port", clientPort, 0xffff);
        checkRange("virtual port", virtualPort, 0xffff);
        checkRange("destination port", destinationPort, 0xffff);
        if (timeoutSeconds < 0 || timeoutSeconds > 0xffffffffL) {
            throw new IllegalArgumentException("timeout out of range: " + timeoutSeconds);
        }
        options = List.copyOf(options);
        int size = sizeOf(v6, options);
        if (size > 0x0fff) {
            throw new IllegalArgumentException("entry of " + size + " bytes exceeds the 12-bit size field");
        }
    }

    /** A persistence template (TEMPLATE flag, client port 0, no options) as restored from a snapshot. */
    public static SyncEntry template(int protocol, int state, int virtualPort, int destinationPort, int fwmark,
                                     long timeoutSeconds, InetAddress client, InetAddress virtualAddress,
                                     InetAddress destination) {
        return new SyncEntry(protocol, FLAG_TEMPLATE, state, 0, virtualPort, destinationPort, fwmark, timeoutSeconds,
                client, virtualAddress, destination, List.of());
    }

    public boolean ipv6() {
        return !(client instanceof Inet4Address);
    }

    public boolean isTemplate() {
        return (flags & FLAG_TEMPLATE) != 0;
    }

    /** Size on the wire including options, before padding to 4 bytes. */
    int size() {
        return sizeOf(ipv6(), options);
    }

    private static int sizeOf(boolean v6, List<SyncOption> options) {
        int size = v6 ? V6_SIZE : V4_SIZE;
        for (SyncOption option : options) {
            size += option.wireLength();
        }
        return size;
    }

    /** Size on the wire padded to the next 4-byte boundary, where the next entry starts. */
    int paddedSize() {
        return (size() + 3) & ~3;
    }

    private static void checkRange(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range: " + value);
        }
    }
}
