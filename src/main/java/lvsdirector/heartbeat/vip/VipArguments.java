package lvsdirector.heartbeat.vip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The one argument of an address resource, split the way heartbeat's wrapper scripts split it:
 * IPaddr and IPaddr2 take {@code ip[/netmask[/nic[/broadcast]]]}, where a third part starting with a digit is the
 * broadcast (and there is no nic), the netmask is bits or a dotted quad, and IPaddr2 accepts {@code nic:label};
 * IPv6addr takes {@code ip[/prefix[/nic]]}.
 *
 * @param label IPaddr2's label suffix as written after the colon (IPaddr drops it, as its validation does)
 */
public record VipArguments(VipKind kind, InetAddress address, OptionalInt prefixLength, Optional<String> nic,
                           Optional<String> label, Optional<Inet4Address> broadcast) {
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern INTERFACE = Pattern.compile("[^/\\s:]{1,15}");

    public static VipArguments parse(VipKind kind, String argument) throws VipException {
        String[] parts = argument.split("/", -1);
        if (parts.length > (kind == VipKind.IPV6ADDR ? 3 : 4)) {
            throw new VipException(kind.script() + " [" + argument + "]: too many '/' parts; expected "
                    + (kind == VipKind.IPV6ADDR ? "address[/prefix[/nic]]" : "ip[/netmask[/nic[/broadcast]]]"));
        }
        InetAddress address = address(kind, argument, parts[0]);
        OptionalInt prefix = parts.length > 1 && !parts[1].isEmpty()
                ? OptionalInt.of(prefix(kind, argument, parts[1], address instanceof Inet6Address ? 128 : 32))
                : OptionalInt.empty();
        Optional<String> nic = Optional.empty();
        Optional<String> label = Optional.empty();
        Optional<Inet4Address> broadcast = Optional.empty();
        if (parts.length > 2 && !parts[2].isEmpty()) {
            String third = parts[2];
            if (kind != VipKind.IPV6ADDR && Character.isDigit(third.charAt(0))) {
                broadcast = Optional.of(broadcast(kind, argument, third));
            } else {
                int colon = third.indexOf(':');
                String name = colon < 0 ? third : third.substring(0, colon);
                if (colon >= 0 && kind == VipKind.IPADDR2) {
                    label = Optional.of(third.substring(colon + 1)).filter(s -> !s.isEmpty());
                }
                if (!INTERFACE.matcher(name).matches()) {
                    throw new VipException(kind.script() + " [" + argument + "]: [" + name + "] is not an interface name");
                }
                nic = Optional.of(name);
                if (parts.length > 3 && !parts[3].isEmpty()) {
                    broadcast = Optional.of(broadcast(kind, argument, parts[3]));
                }
            }
        }
        return new VipArguments(kind, address, prefix, nic, label, broadcast);
    }

    private static InetAddress address(VipKind kind, String argument, String text) throws VipException {
        boolean v6 = kind == VipKind.IPV6ADDR;
        if (v6 ? !text.contains(":") : !DOTTED_QUAD.matcher(text).matches()) {
            throw new VipException(kind.script() + " [" + argument + "]: [" + text + "] is not an IPv"
                    + (v6 ? "6" : "4") + " address");
        }
        InetAddress a;
        if (v6) {
            try {
                // a literal with ':' is parsed, never looked up
                a = InetAddress.getByName(text);
            } catch (java.net.UnknownHostException e) {
                throw new VipException(kind.script() + " [" + argument + "]: [" + text + "] is not an IPv6 address");
            }
            if (!(a instanceof Inet6Address)) {
                throw new VipException(kind.script() + " [" + argument + "]: [" + text + "] is not an IPv6 address");
            }
        } else {
            a = Ipv4.fromInt(toInt(kind, argument, text));
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            throw new VipException(kind.script() + " [" + argument + "]: " + text + " cannot be a virtual IP");
        }
        return a;
    }

    private static int prefix(VipKind kind, String argument, String text, int max) throws VipException {
        if (max == 32 && DOTTED_QUAD.matcher(text).matches()) {
            return netmaskBits(kind, argument, text);
        }
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > max) {
            throw new VipException(kind.script() + " [" + argument + "]: netmask [" + text + "] is not 0.." + max
                    + (max == 32 ? " bits or a dotted quad" : " bits"));
        }
        return Integer.parseInt(text);
    }

    private static int netmaskBits(VipKind kind, String argument, String text) throws VipException {
        int mask = toInt(kind, argument, text);
        int bits = Integer.bitCount(mask);
        if (mask != (bits == 0 ? 0 : -1 << (32 - bits))) {
            throw new VipException(kind.script() + " [" + argument + "]: netmask " + text + " is not contiguous");
        }
        return bits;
    }

    private static Inet4Address broadcast(VipKind kind, String argument, String text) throws VipException {
        if (kind == VipKind.IPV6ADDR || !DOTTED_QUAD.matcher(text).matches()) {
            throw new VipException(kind.script() + " [" + argument + "]: broadcast [" + text + "] is not an IPv4 address");
        }
        return Ipv4.fromInt(toInt(kind, argument, text));
    }

    private static int toInt(VipKind kind, String argument, String text) throws VipException {
        int value = 0;
        for (String octet : text.split("\\.")) {
            int n = Integer.parseInt(octet);
            if (n > 255) {
                throw new VipException(kind.script() + " [" + argument + "]: [" + text + "] has an octet over 255");
            }
            value = value << 8 | n;
        }
        return value;
    }
}
