package lvsdirector.ipvs.kernel.uml;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsadmSyntax;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.support.InetAddrs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** The IPVS table the scenario believes it programmed, rendered the way ipvsadm prints it. */
final class TableModel {
    private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    private final Map<ServiceKey, Map<DestinationKey, Destination>> destinations = new LinkedHashMap<>();

    void putService(VirtualService s) {
        services.put(s.key(), s);
        destinations.computeIfAbsent(s.key(), k -> new LinkedHashMap<>());
    }

    void removeService(ServiceKey key) {
        services.remove(key);
        destinations.remove(key);
    }

    void putDestination(ServiceKey key, Destination d) {
        destinations.get(key).put(d.key(), d);
    }

    void removeDestination(ServiceKey key, DestinationKey d) {
        destinations.get(key).remove(d);
    }

    void clear() {
        services.clear();
        destinations.clear();
    }

    Map<ServiceKey, VirtualService> services() {
        return services;
    }

    Map<DestinationKey, Destination> destinations(ServiceKey key) {
        return destinations.get(key);
    }

    /** The lines of `ipvsadm -S -n`, as a sorted set (ipvsadm's own order is not the point here). */
    TreeSet<String> saveLines() {
        TreeSet<String> lines = new TreeSet<>();
        for (VirtualService s : services.values()) {
            lines.add(IpvsadmSyntax.service("-A", s));
            for (Destination d : destinations.get(s.key()).values()) {
                lines.add(saveLine(s.key(), d));
            }
        }
        return lines;
    }

    /** "FWM 1 -> 192.168.1.20:0 10 5" per destination: what `ipvsadm -L -n --thresholds` shows. */
    TreeSet<String> thresholdLines() {
        TreeSet<String> lines = new TreeSet<>();
        for (VirtualService s : services.values()) {
            for (Destination d : destinations.get(s.key()).values()) {
                lines.add(listingKey(s.key()) + " -> " + InetAddrs.hostPort(d.address(), d.port()) + " "
                        + Integer.toUnsignedString(d.upperThreshold()) + " " + Integer.toUnsignedString(d.lowerThreshold()));
            }
        }
        return lines;
    }

    /** Parses `ipvsadm -L -n --thresholds` into the form of {@link #thresholdLines()}. */
    static TreeSet<String> parseThresholdListing(String listing) {
        TreeSet<String> lines = new TreeSet<>();
        String service = null;
        for (String line : listing.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (line.startsWith("TCP") || line.startsWith("UDP") || line.startsWith("FWM") || line.startsWith("SCTP")) {
                service = w[0] + " " + w[1];
            } else if (line.startsWith("  -> ") && service != null && w.length >= 4 && !w[1].startsWith("Remote")) {
                lines.add(service + " -> " + w[1] + " " + w[2] + " " + w[3]);
            }
        }
        return lines;
    }

    static TreeSet<String> parseSave(String save) {
        TreeSet<String> lines = new TreeSet<>();
        for (String line : save.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String listingKey(ServiceKey key) {
        if (key instanceof ServiceKey.Address a) {
            return a.protocol().label() + " " + InetAddrs.hostPort(a.address(), a.port());
        }
        return "FWM " + Integer.toUnsignedString(((ServiceKey.Fwmark) key).mark());
    }

    private static String saveLine(ServiceKey key, Destination d) {
        StringBuilder sb = new StringBuilder("-a ").append(key.ipvsadmSelector())
                .append(" -r ").append(InetAddrs.hostPort(d.address(), d.port()))
                .append(' ').append(d.forwarding().ipvsadmOption())
                .append(" -w ").append(d.weight());
        if (d.forwarding() == lvsdirector.ipvs.ForwardingMethod.TUNNEL) {
            Destination.Tunnel t = d.tunnel();
            String[] types = {"ipip", "gue", "gre"};
            sb.append(" --tun-type ").append(types[t.type()]);
            if (t.type() == Destination.Tunnel.TYPE_GUE) {
                sb.append(" --tun-port ").append(t.port());
            }
            if (t.type() != Destination.Tunnel.TYPE_IPIP) {
                String[] csum = {"--tun-nocsum", "--tun-csum", "--tun-remcsum"};
                sb.append(' ').append(csum[t.flags()]);
            }
        }
        return sb.toString();
    }
}
