package lvsdirector.heartbeat.vip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses as 32-bit integers: netmasks, networks and broadcasts. */
final class Ipv4 {
    private Ipv4() {}

    static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    static Inet4Address fromInt(int value) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {
                    (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an address", e);
        }
    }

    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** The highest address of the address's network: what findif and {@code brd +} compute. */
    static Inet4Address broadcast(Inet4Address address, int prefixLength) {
        return fromInt(toInt(address) | ~mask(prefixLength));
    }

    static boolean sameNetwork(Inet4Address a, Inet4Address b, int prefixLength) {
        int mask = mask(prefixLength);
        return (toInt(a) & mask) == (toInt(b) & mask);
    }
}
