package lvsdirector.ipvs.format;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The table of ipvsadm-formats/setup-commands.txt, with the connection counts, counters and rates the
 * captured listings show, programmed into an in-memory backend in the order of the setup commands.
 */
public final class CapturedTable {
    static final ServiceKey WEB = tcp("10.0.1.100", 80);
    static final ServiceKey FWM1 = new ServiceKey.Fwmark(1, false);

    /** Service order of the captured --nosort listing (the kernel's hash order on that run). */
    static final List<String> KERNEL_ORDER = List.of("tcp:10.0.2.102:80", "tcp:10.0.1.100:80", "tcp:10.0.2.101:80",
            "tcp:10.0.1.110:80", "udp:[fd00:1::100]:53", "tcp:[fd00:1::100]:80", "udp:10.0.1.100:53",
            "udp:10.0.1.130:5060", "sctp:10.0.1.100:5000", "tcp:10.0.1.105:0",
            "tcp:[2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff]:8080", "tcp:10.0.1.103:443", "fwm:1", "fwm6:2");

    private record Dest(Destination destination, int active, int inactive, int persistent, Stats stats) {}

    private record Service(VirtualService service, Stats stats, List<Dest> dests) {}

    private CapturedTable() {}

    /** In setup-command order. */
    public static InMemoryIpvsBackend build() throws IpvsException {
        return build(services());
    }

    /** Services added in the kernel's hash order of the capture, destinations still in setup order. */
    public static InMemoryIpvsBackend buildInKernelOrder() throws IpvsException {
        List<Service> ordered = new ArrayList<>(services());
        ordered.sort(Comparator.comparingInt(s -> KERNEL_ORDER.indexOf(s.service().key().toString())));
        return build(ordered);
    }

    private static InMemoryIpvsBackend build(List<Service> services) throws IpvsException {
        InMemoryIpvsBackend backend = new InMemoryIpvsBackend();
        for (Service s : services) {
            ServiceKey key = s.service().key();
            backend.addService(s.service());
            backend.setServiceStats(key, s.stats());
            for (Dest d : s.dests()) {
                backend.addDestination(key, d.destination());
                backend.setDestinationCounters(key, d.destination().key(), d.active(), d.inactive(), d.persistent(),
                        d.stats());
            }
        }
        return backend;
    }

    private static List<Service> services() {
        int sh = VirtualService.FLAG_SCHED1 | VirtualService.FLAG_SCHED2;
        int persistent = VirtualService.FLAG_PERSISTENT;
        return List.of(
                new Service(VirtualService.of(WEB, "wrr"),
                        stats(8, 1077, 2867, 56599, 150150113L, 2, 45, 94, 2528, 4290550), List.of(
                        dest(masq("10.0.2.11", 80, 3), 0, 3, 0, stats(3, 21, 15, 1338, 1227, 1, 8, 7, 505, 520)),
                        dest(thresholds(masq("10.0.2.12", 80, 2), 1000, 800), 1, 2, 0,
                                stats(3, 15, 12, 952, 930, 1, 5, 4, 308, 329)),
                        dest(masq("10.0.2.13", 80, 1), 0, 2, 0,
                                stats(2, 1041, 2840, 54309, 150147956L, 0, 32, 83, 1715, 4289701)))),
                new Service(new VirtualService(udp("10.0.1.100", 53), "rr", VirtualService.FLAG_ONEPACKET, 0, -1, null),
                        stats(3, 3, 0, 87, 0, 0, 0, 0, 1, 0), List.of(
                        dest(masq("10.0.2.11", 53, 1), 0, 0, 0, stats(1, 1, 0, 29, 0, 0, 0, 0, 0, 0)),
                        dest(masq("10.0.2.12", 53, 1), 0, 0, 0, stats(2, 2, 0, 58, 0, 0, 0, 0, 1, 0)))),
                new Service(new VirtualService(tcp("10.0.1.103", 443), "wlc", persistent, 1800, 0xffffff00, null),
                        stats(5, 34, 26, 2198, 2097, 0, 1, 0, 37, 35), List.of(
                        dest(masq("10.0.2.11", 80, 5), 0, 0, 0, Stats.ZERO),
                        dest(masq("10.0.2.12", 80, 5), 0, 5, 1, stats(5, 34, 26, 2198, 2097, 0, 1, 0, 37, 35)),
                        dest(masq("10.0.2.13", 80, 0), 0, 0, 0, Stats.ZERO))),
                new Service(new VirtualService(tcp("10.0.1.105", 0), "rr", persistent, 360, -1, null),
                        stats(2, 13, 0, 840, 0, 0, 0, 0, 14, 0), List.of(
                        dest(route("10.0.2.12", 0), 0, 0, 0, Stats.ZERO),
                        dest(route("10.0.2.13", 0), 0, 2, 1, stats(2, 13, 0, 840, 0, 0, 0, 0, 14, 0)))),
                new Service(VirtualService.of(tcp("10.0.1.110", 80), "rr"), stats(3, 21, 5, 1338, 409, 0, 0, 0, 22, 7),
                        List.of(
                        dest(masq("10.0.2.11", 80, 1), 0, 1, 0, stats(1, 7, 5, 446, 409, 0, 0, 0, 7, 7)),
                        dest(route("10.0.2.12", 80), 0, 1, 0, stats(1, 7, 0, 446, 0, 0, 0, 0, 7, 0)),
                        dest(tunnel("10.0.2.13", Destination.Tunnel.IPIP), 0, 1, 0,
                                stats(1, 7, 0, 446, 0, 0, 0, 0, 7, 0)))),
                new Service(new VirtualService(tcp("10.0.2.101", 80), "sh", sh, 0, -1, null),
                        stats(3, 20, 0, 1286, 0, 0, 0, 0, 21, 0), List.of(
                        dest(thresholds(route("10.0.2.11", 80), 50, 10), 0, 0, 0, Stats.ZERO),
                        dest(route("10.0.2.12", 80), 0, 1, 0, stats(1, 7, 0, 446, 0, 0, 0, 0, 7, 0)),
                        dest(route("10.0.2.13", 80), 0, 2, 0, stats(2, 13, 0, 840, 0, 0, 0, 0, 14, 0)))),
                new Service(new VirtualService(tcp("10.0.2.102", 80), "mh", VirtualService.FLAG_SCHED2, 0, -1, null),
                        Stats.ZERO, List.of(
                        dest(tunnel("10.0.2.11", Destination.Tunnel.IPIP), 0, 0, 0, Stats.ZERO),
                        dest(tunnel("10.0.2.12", new Destination.Tunnel(Destination.Tunnel.TYPE_GUE, 6080, 0)),
                                0, 0, 0, Stats.ZERO),
                        dest(tunnel("10.0.2.13", new Destination.Tunnel(Destination.Tunnel.TYPE_GRE, 0, 1)),
                                0, 0, 0, Stats.ZERO))),
                new Service(new VirtualService(FWM1, "rr", persistent, 60, -1, null),
                        stats(3, 20, 0, 1286, 0, 0, 0, 0, 29, 0), List.of(
                        dest(route("10.0.2.11", 0), 0, 0, 0, Stats.ZERO),
                        dest(route("10.0.2.12", 0), 0, 3, 1, stats(3, 20, 0, 1286, 0, 0, 0, 0, 29, 0)))),
                new Service(VirtualService.of(new ServiceKey.Fwmark(2, true), "wlc"),
                        stats(2, 13, 11, 1106, 1090, 0, 0, 0, 25, 24), List.of(
                        dest(masq("fd00:2::11", 0, 1), 0, 1, 0, stats(1, 7, 5, 589, 509, 0, 0, 0, 13, 11)),
                        dest(masq("fd00:2::12", 0, 2), 0, 1, 0, stats(1, 6, 6, 517, 581, 0, 0, 0, 11, 13)))),
                new Service(new VirtualService(tcp("fd00:1::100", 80), "rr", persistent, 600, 64, null),
                        stats(3, 20, 16, 1695, 1599, 0, 0, 0, 38, 36), List.of(
                        dest(masq("fd00:2::11", 80, 1), 0, 0, 0, Stats.ZERO),
                        dest(masq("fd00:2::12", 80, 4), 0, 3, 1, stats(3, 20, 16, 1695, 1599, 0, 0, 0, 38, 36)),
                        dest(masq("fd00:2::13", 80, 0), 0, 0, 0, Stats.ZERO))),
                new Service(VirtualService.of(udp("fd00:1::100", 53), "lc"), stats(2, 2, 2, 98, 104, 0, 0, 0, 2, 2),
                        List.of(
                        dest(masq("fd00:2::11", 53, 1), 0, 1, 0, stats(1, 1, 1, 49, 52, 0, 0, 0, 1, 1)),
                        dest(masq("fd00:2::13", 53, 1), 0, 1, 0, stats(1, 1, 1, 49, 52, 0, 0, 0, 1, 1)))),
                new Service(VirtualService.of(new ServiceKey.Address(Protocol.SCTP, ip("10.0.1.100"), 5000), "rr"),
                        Stats.ZERO, List.of(dest(masq("10.0.2.11", 5000, 1), 0, 0, 0, Stats.ZERO))),
                new Service(VirtualService.of(tcp("2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff", 8080), "wrr"), Stats.ZERO,
                        List.of(dest(masq("2001:db8:1111:2222:3333:4444:5555:6666", 65535, 100), 0, 0, 0, Stats.ZERO))),
                new Service(new VirtualService(udp("10.0.1.130", 5060), "rr", persistent, 120, -1, "sip"),
                        stats(1, 1, 1, 160, 32, 0, 0, 0, 4, 1), List.of(
                        dest(masq("10.0.2.11", 53, 1), 0, 0, 0, Stats.ZERO),
                        dest(masq("10.0.2.12", 53, 1), 0, 1, 1, stats(1, 1, 1, 160, 32, 0, 0, 0, 4, 1)))));
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Address(Protocol.TCP, ip(address), port);
    }

    static ServiceKey udp(String address, int port) {
        return new ServiceKey.Address(Protocol.UDP, ip(address), port);
    }

    private static Destination masq(String address, int port, int weight) {
        return Destination.of(ip(address), port, ForwardingMethod.MASQ, weight);
    }

    private static Destination route(String address, int port) {
        return Destination.of(ip(address), port, ForwardingMethod.ROUTE, 1);
    }

    private static Destination tunnel(String address, Destination.Tunnel tunnel) {
        return new Destination(ip(address), 80, ForwardingMethod.TUNNEL, 1, 0, 0, tunnel);
    }

    private static Destination thresholds(Destination d, int upper, int lower) {
        return new Destination(d.address(), d.port(), d.forwarding(), d.weight(), upper, lower, d.tunnel());
    }

    private static Dest dest(Destination d, int active, int inactive, int persistent, Stats stats) {
        return new Dest(d, active, inactive, persistent, stats);
    }

    private static Stats stats(long conns, long inPkts, long outPkts, long inBytes, long outBytes,
                               long cps, long inPps, long outPps, long inBps, long outBps) {
        return new Stats(conns, inPkts, outPkts, inBytes, outBytes, cps, inPps, outPps, inBps, outBps);
    }
}
