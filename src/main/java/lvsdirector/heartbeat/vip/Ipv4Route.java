package lvsdirector.heartbeat.vip;

import java.net.Inet4Address;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One IPv4 route of the main table as {@code /proc/net/route} lists it; the file findif reads. Addresses there
 * are the in-memory (network order) u32 printed in host order, hence the byte swap on little-endian hosts.
 */
record Ipv4Route(String interfaceName, Inet4Address destination, int prefixLength, boolean viaGateway, int metric) {
    static final int RTF_UP = 0x1;
    static final int RTF_GATEWAY = 0x2;

    boolean contains(Inet4Address address) {
        return Ipv4.sameNetwork(destination, address, prefixLength);
    }

    /** Parses the file's text; malformed lines are skipped (the kernel writes it, a bad line would be a kernel bug). */
    static List<Ipv4Route> parse(String procNetRoute) {
        List<Ipv4Route> routes = new ArrayList<>();
        for (String line : procNetRoute.lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                if ((flags & RTF_UP) == 0) {
                    continue;
                }
                int mask = hostOrder(f[7]);
                routes.add(new Ipv4Route(f[0], Ipv4.fromInt(hostOrder(f[1])), Integer.bitCount(mask),
                        (flags & RTF_GATEWAY) != 0, Integer.parseInt(f[6])));
            } catch (NumberFormatException e) {
                // not a route line
            }
        }
        return routes;
    }

    private static int hostOrder(String hex) {
        int raw = (int) Long.parseLong(hex, 16);
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(raw) : raw;
    }
}
