package lvsdirector.ipvs.format;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.IpvsadmSyntax;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.format.IpvsSnapshot.ServiceListing;

import java.util.List;

/**
 * {@code ipvsadm -S -n}: one rule per line, each service followed by its destinations, sorted like -L
 * (unless told not to). Like ipvsadm it leaves out the thresholds, timeouts and sync daemons.
 */
public final class SaveRenderer {
    private SaveRenderer() {}

    public static String render(IpvsSnapshot snapshot, boolean sort) {
        StringBuilder out = new StringBuilder();
        List<ServiceListing> services = sort ? ListingOrder.sortServices(snapshot.services()) : snapshot.services();
        for (ServiceListing listing : services) {
            out.append(IpvsadmSyntax.service("-A", listing.service().service())).append('\n');
            List<DestinationEntry> destinations = sort
                    ? ListingOrder.sortDestinations(listing.destinations()) : listing.destinations();
            for (DestinationEntry d : destinations) {
                out.append(destinationRule(listing.service().service().key(), d.destination())).append('\n');
            }
        }
        return out.toString();
    }

    /** "-a -t 10.0.1.110:80 -r 10.0.2.13:80 -i -w 1 --tun-type ipip". */
    static String destinationRule(ServiceKey service, Destination d) {
        return "-a " + service.ipvsadmSelector() + " -r " + Names.destination(d) + " "
                + d.forwarding().ipvsadmOption() + " -w " + d.weight() + Tunnels.ruleOptions(d);
    }
}
