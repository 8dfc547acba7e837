package lvsdirector.ipvs.format;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.support.InetAddrs;

/** The numeric service and destination names of ipvsadm listings. */
final class Names {
    private Names() {}

    /** "TCP  10.0.1.100:80", "SCTP 10.0.1.100:5000", "UDP  [fd00:1::100]:53", "FWM  1", "FWM  2 IPv6". */
    static String service(ServiceKey key) {
        if (key instanceof ServiceKey.Fwmark f) {
            return "FWM  " + Integer.toUnsignedString(f.mark()) + (f.ipv6() ? " IPv6" : "");
        }
        ServiceKey.Address a = (ServiceKey.Address) key;
        return Counters.left(a.protocol().label(), 4) + " " + InetAddrs.hostPort(a.address(), a.port());
    }

    /** "10.0.2.11:80", "[fd00:2::11]:0". */
    static String destination(Destination d) {
        return InetAddrs.hostPort(d.address(), d.port());
    }
}
