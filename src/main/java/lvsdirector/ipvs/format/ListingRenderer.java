package lvsdirector.ipvs.format;

import static lvsdirector.ipvs.format.Counters.largeNumber;
import static lvsdirector.ipvs.format.Counters.left;
import static lvsdirector.ipvs.format.Counters.right8;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsadmSyntax;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.format.IpvsSnapshot.ServiceListing;

import java.util.List;

/** {@code ipvsadm -L -n} in all its views, byte for byte; every line ends with "\n". */
public final class ListingRenderer {
    private static final String PROT_HEADER = "Prot LocalAddress:Port";
    private static final String REMOTE_HEADER = "  -> RemoteAddress:Port";

    private ListingRenderer() {}

    /** The whole table: banner, column titles, then every service with its destinations. */
    public static String renderAll(IpvsSnapshot snapshot, ListingOptions options) {
        StringBuilder out = new StringBuilder(banner(snapshot.info())).append(title(options.view()));
        List<ServiceListing> services = options.sort()
                ? ListingOrder.sortServices(snapshot.services()) : snapshot.services();
        services.forEach(s -> appendService(out, s, options));
        return out.toString();
    }

    /** One service ({@code -L -n -t VIP:PORT}): column titles and the service, without the banner. */
    public static String renderService(ServiceListing service, ListingOptions options) {
        StringBuilder out = new StringBuilder(title(options.view()));
        appendService(out, service, options);
        return out.toString();
    }

    /** "IP Virtual Server version 1.2.1 (size=4096)". */
    public static String banner(IpvsBackend.Info info) {
        return "IP Virtual Server version " + info.versionText() + " (size=" + info.connectionTableSize() + ")\n";
    }

    /** {@code ipvsadm -L --timeout}. */
    public static String timeouts(IpvsBackend.Timeouts t) {
        return "Timeout (tcp tcpfin udp): " + t.tcp() + " " + t.tcpFin() + " " + t.udp() + "\n";
    }

    static String title(ListingView view) {
        return switch (view) {
            case DEFAULT -> "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";
            case TUN_INFO -> "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n";
            case STATS -> counterTitle("Conns", "InPkts", "OutPkts", "InBytes", "OutBytes");
            case RATE -> counterTitle("CPS", "InPPS", "OutPPS", "InBPS", "OutBPS");
            case THRESHOLDS -> left(PROT_HEADER, 33) + " " + left("Uthreshold", 10) + " " + left("Lthreshold", 10)
                    + " " + left("ActiveConn", 10) + " " + left("InActConn", 10) + "\n" + REMOTE_HEADER + "\n";
            case PERSISTENT_CONN -> left(PROT_HEADER, 33) + " " + left("Weight", 9) + " " + left("PersistConn", 11)
                    + " " + left("ActiveConn", 10) + " " + left("InActConn", 10) + "\n" + REMOTE_HEADER + "\n";
        };
    }

    private static String counterTitle(String... names) {
        StringBuilder sb = new StringBuilder(left(PROT_HEADER, 33));
        for (String name : names) {
            sb.append(' ').append(Counters.pad(name, 8));
        }
        return sb.append('\n').append(REMOTE_HEADER).append('\n').toString();
    }

    private static void appendService(StringBuilder out, ServiceListing listing, ListingOptions options) {
        out.append(serviceLine(listing.service(), options)).append('\n');
        List<DestinationEntry> destinations = options.sort()
                ? ListingOrder.sortDestinations(listing.destinations()) : listing.destinations();
        for (DestinationEntry d : destinations) {
            out.append(destinationLine(d, options)).append('\n');
        }
    }

    static String serviceLine(ServiceEntry entry, ListingOptions options) {
        String name = Names.service(entry.service().key());
        Stats s = entry.stats();
        return switch (options.view()) {
            case STATS -> left(name, 33) + counters(options.exact(), s.conns(), s.inPackets(), s.outPackets(),
                    s.inBytes(), s.outBytes());
            case RATE -> left(name, 33) + counters(options.exact(), s.cps(), s.inPps(), s.outPps(), s.inBps(),
                    s.outBps());
            default -> name + " " + serviceFlags(entry.service());
        };
    }

    /** "wrr", "sh (sh-fallback,sh-port)", "wlc persistent 1800 mask 255.255.255.0", "rr persistent 120 pe sip". */
    private static String serviceFlags(VirtualService s) {
        StringBuilder sb = new StringBuilder(s.scheduler());
        String schedFlags = IpvsadmSyntax.schedulerFlags(s);
        if (!schedFlags.isEmpty()) {
            sb.append(" (").append(schedFlags).append(')');
        }
        if (s.persistent()) {
            sb.append(" persistent ").append(Integer.toUnsignedString(s.timeout()));
            if (!IpvsadmSyntax.isDefaultNetmask(s)) {
                sb.append(" mask ").append(IpvsadmSyntax.netmaskText(s));
            }
        }
        if (s.persistenceEngine() != null && !s.persistenceEngine().isEmpty()) {
            sb.append(" pe ").append(s.persistenceEngine());
        }
        if (s.onePacket()) {
            sb.append(" ops");
        }
        return sb.toString();
    }

    static String destinationLine(DestinationEntry entry, ListingOptions options) {
        Destination d = entry.destination();
        String prefix = "  -> " + left(Names.destination(d), 28);
        Stats s = entry.stats();
        return switch (options.view()) {
            case DEFAULT -> prefix + " " + left(d.forwarding().listingName(), 7) + " " + left(signed(d.weight()), 6)
                    + " " + connections(entry);
            case TUN_INFO -> prefix + " " + left(d.forwarding().listingName(), 7) + " " + left(Tunnels.info(d), 13)
                    + " " + left(signed(d.weight()), 6) + " " + connections(entry);
            case STATS -> prefix + counters(options.exact(), s.conns(), s.inPackets(), s.outPackets(), s.inBytes(),
                    s.outBytes());
            case RATE -> prefix + " " + right8(s.cps()) + " " + right8(s.inPps()) + " " + right8(s.outPps())
                    + counters(options.exact(), s.inBps(), s.outBps());
            case THRESHOLDS -> prefix + " " + left(unsigned(d.upperThreshold()), 10) + " "
                    + left(unsigned(d.lowerThreshold()), 10) + " " + connections(entry);
            case PERSISTENT_CONN -> prefix + " " + left(unsigned(d.weight()), 9) + " "
                    + left(unsigned(entry.persistentConns()), 11) + " " + connections(entry);
        };
    }

    /** "%-10u %-10u" of the active and inactive connection counts. */
    private static String connections(DestinationEntry entry) {
        return left(unsigned(entry.activeConns()), 10) + " " + left(unsigned(entry.inactiveConns()), 10);
    }

    private static String counters(boolean exact, long... values) {
        StringBuilder sb = new StringBuilder();
        for (long v : values) {
            sb.append(largeNumber(v, exact));
        }
        return sb.toString();
    }

    private static String signed(int value) {
        return Integer.toString(value);
    }

    private static String unsigned(int value) {
        return Integer.toUnsignedString(value);
    }
}
