package lvsdirector.support;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Text forms of addresses as ipvsadm and ldirectord print them. */
public final class InetAddrs {
    private InetAddrs() {}

    /** Numeric address; IPv6 in the compressed RFC 5952 form ("2001:db8::1"), without brackets. */
    public static String numeric(InetAddress address) {
        if (address instanceof Inet6Address) {
            return compressIpv6(address.getAddress());
        }
        return address.getHostAddress();
    }

    /** "10.0.0.1:80" or "[2001:db8::1]:80". */
    public static String hostPort(InetAddress address, int port) {
        return bracketed(address) + ":" + port;
    }

    /** "10.0.0.1" or "[2001:db8::1]". */
    public static String bracketed(InetAddress address) {
        return address instanceof Inet6Address ? "[" + numeric(address) + "]" : numeric(address);
    }

    public static String compressIpv6(byte[] a) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        // IPv4-mapped (::ffff:a.b.c.d) as inet_ntop prints it
        if (bestStart == 0 && bestLen == 5 && words[5] == 0xffff) {
            return "::ffff:" + (a[12] & 0xff) + "." + (a[13] & 0xff) + "." + (a[14] & 0xff) + "." + (a[15] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }
}
