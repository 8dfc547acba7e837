package lvsdirector.heartbeat.vip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lvsdirector.netlink.rtnl.InterfaceAddress;
import lvsdirector.netlink.rtnl.Link;

/**
 * Picks interface, prefix, broadcast and label as the real agents do when the resource does not say:
 * <ul>
 * <li>IPaddr (resource-agents' findif program, measured): without a nic, the /proc/net/route entry containing the
 * address with the lowest metric, then the longest mask; a default route only with an explicit netmask; 127/8
 * falls back to the loopback interface. With a nic, the netmask defaults to /32. The broadcast is the network's
 * highest address. The label is the first free alias {@code nic:N}.</li>
 * <li>IPaddr2 (findif.sh): only routes without a gateway, the longest prefix wins (the later one on a tie), on the
 * given nic if there is one; nic and netmask must be found or given. The broadcast is given or copied from the
 * interface's address in the same network; a label only when written as {@code nic:label}.</li>
 * <li>IPv6addr: without a nic, the interface with a global address in the same prefix (the given prefix length,
 * else that address's own).</li>
 * </ul>
 */
final class InterfaceChooser {
    private InterfaceChooser() {}

    static VipPlacement place(VipArguments args, HostSnapshot host) throws VipException {
        return switch (args.kind()) {
            case IPADDR -> ipaddr(args, host);
            case IPADDR2 -> ipaddr2(args, host);
            case IPV6ADDR -> ipv6addr(args, host);
        };
    }

    private static VipPlacement ipaddr(VipArguments args, HostSnapshot host) throws VipException {
        Inet4Address vip = (Inet4Address) args.address();
        Link link;
        int prefix;
        if (args.nic().isPresent()) {
            link = named(args, host);
            prefix = args.prefixLength().orElse(32);
        } else {
            Optional<Ipv4Route> best = host.routes().stream().filter(r -> r.contains(vip))
                    .min(Comparator.comparingInt(Ipv4Route::metric)
                            .thenComparing(Comparator.comparingInt(Ipv4Route::prefixLength).reversed()));
            if (best.isEmpty() && vip.getAddress()[0] == 127) {
                link = host.loopback().orElseThrow(() -> new VipException(describe(args) + ": no loopback interface"));
                prefix = args.prefixLength().orElse(8);
            } else if (best.isEmpty()) {
                throw new VipException(describe(args) + ": no route to " + vip.getHostAddress()
                        + " and no nic given: cannot choose an interface");
            } else {
                if (best.get().prefixLength() == 0 && args.prefixLength().isEmpty()) {
                    throw new VipException(describe(args) + ": only the default route reaches "
                            + vip.getHostAddress() + "; give a netmask (ip/bits)");
                }
                link = host.link(best.get().interfaceName()).orElseThrow(() -> new VipException(describe(args)
                        + ": route via unknown interface " + best.get().interfaceName()));
                prefix = args.prefixLength().orElse(best.get().prefixLength());
            }
        }
        Inet4Address broadcast = args.broadcast().orElse(Ipv4.broadcast(vip, prefix));
        return new VipPlacement(link, prefix, Optional.of(broadcast), Optional.of(freeAlias(link, host)));
    }

    private static VipPlacement ipaddr2(VipArguments args, HostSnapshot host) throws VipException {
        Inet4Address vip = (Inet4Address) args.address();
        Optional<Link> given = args.nic().isPresent() ? Optional.of(named(args, host)) : Optional.empty();
        int maxPrefix = args.prefixLength().orElse(32);
        Ipv4Route best = null;
        for (Ipv4Route r : host.routes()) {
            boolean candidate = !r.viaGateway() && r.prefixLength() > 0 && r.prefixLength() <= maxPrefix && r.contains(vip)
                    && (given.isEmpty() || given.get().name().equals(r.interfaceName()));
            if (candidate && (best == null || r.prefixLength() >= best.prefixLength())) {
                best = r;
            }
        }
        Link link;
        int prefix;
        if (best == null && vip.getAddress()[0] == 127 && given.isEmpty()) {
            link = host.loopback().orElseThrow(() -> new VipException(describe(args) + ": no loopback interface"));
            prefix = args.prefixLength().orElse(8);
        } else if (best == null && (given.isEmpty() || args.prefixLength().isEmpty())) {
            throw new VipException(describe(args) + ": unable to find nic or netmask (no directly connected route "
                    + "contains " + vip.getHostAddress() + ")");
        } else {
            Ipv4Route route = best;
            link = given.isPresent() ? given.get() : host.link(route.interfaceName()).orElseThrow(
                    () -> new VipException(describe(args) + ": route via unknown interface " + route.interfaceName()));
            prefix = args.prefixLength().isPresent() ? args.prefixLength().getAsInt() : route.prefixLength();
        }
        Optional<Inet4Address> broadcast = args.broadcast().isPresent() ? args.broadcast() : siblingBroadcast(link, vip, prefix, host);
        Optional<String> label = args.label().map(l -> link.name() + ":" + l);
        if (label.isPresent() && label.get().length() > 15) {
            throw new VipException(describe(args) + ": interface label [" + label.get() + "] exceeds 15 characters");
        }
        return new VipPlacement(link, prefix, broadcast, label);
    }

    private static VipPlacement ipv6addr(VipArguments args, HostSnapshot host) throws VipException {
        Inet6Address vip = (Inet6Address) args.address();
        Optional<Link> given = args.nic().isPresent() ? Optional.of(named(args, host)) : Optional.empty();
        for (InterfaceAddress a : host.addresses()) {
            if (!(a.address() instanceof Inet6Address mine) || a.scope() != 0 || a.address().equals(vip)
                    || (given.isPresent() && a.interfaceIndex() != given.get().index())) {
                continue;
            }
            int prefix = args.prefixLength().orElse(a.prefixLength());
            if (sameIpv6Prefix(mine, vip, prefix)) {
                Link link = host.links().stream().filter(l -> l.index() == a.interfaceIndex()).findFirst()
                        .orElseThrow(() -> new VipException(describe(args) + ": address on unknown interface"));
                return new VipPlacement(link, prefix, Optional.empty(), Optional.empty());
            }
        }
        if (given.isPresent() && args.prefixLength().isPresent()) {
            return new VipPlacement(given.get(), args.prefixLength().getAsInt(), Optional.empty(), Optional.empty());
        }
        throw new VipException(describe(args) + ": no interface has a global address in the prefix of "
                + vip.getHostAddress() + (given.isPresent() ? "; give the prefix length (address/prefix/nic)" : ""));
    }

    private static Link named(VipArguments args, HostSnapshot host) throws VipException {
        String name = args.nic().orElseThrow();
        return host.link(name).orElseThrow(() -> new VipException(describe(args) + ": no interface named " + name));
    }

    /** IPaddr's find_free_interface: the lowest N from 0 with no {@code nic:N} label on the interface yet. */
    private static String freeAlias(Link link, HostSnapshot host) throws VipException {
        Set<String> used = new HashSet<>();
        for (InterfaceAddress a : host.on(link)) {
            a.label().ifPresent(used::add);
        }
        for (int n = 0; n < 512; n++) {
            String label = link.name() + ":" + n;
            if (!used.contains(label) && label.length() <= 15) {
                return label;
            }
        }
        throw new VipException("no free alias label on " + link.name());
    }

    private static Optional<Inet4Address> siblingBroadcast(Link link, Inet4Address vip, int prefix, HostSnapshot host) {
        List<InterfaceAddress> same = host.on(link).stream()
                .filter(a -> a.address() instanceof Inet4Address mine && a.prefixLength() == prefix
                        && Ipv4.sameNetwork(mine, vip, prefix) && a.broadcast().isPresent())
                .toList();
        return same.isEmpty() ? Optional.empty() : same.get(0).broadcast();
    }

    private static boolean sameIpv6Prefix(Inet6Address a, Inet6Address b, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    static String describe(VipArguments args) {
        return args.kind().script() + "::" + args.address().getHostAddress();
    }
}
