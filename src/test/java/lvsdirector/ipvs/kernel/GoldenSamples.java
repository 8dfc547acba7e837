package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Domain values of the golden captures' ipvsadm commands. */
final class GoldenSamples {
    static final ServiceKey WEB = tcp("10.0.0.1", 80);
    static final ServiceKey HTTPS = tcp("10.0.0.2", 443);
    static final ServiceKey DNS = udp("10.0.0.1", 53);
    static final ServiceKey MARK1 = new ServiceKey.Fwmark(1, false);
    static final ServiceKey MISSING = tcp("10.0.0.9", 80);
    static final ServiceKey WEB6 = tcp("2001:db8::1", 80);
    static final ServiceKey DNS6 = udp("2001:db8::2", 53);

    private GoldenSamples() {}

    static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Address(Protocol.TCP, ip(address), port);
    }

    static ServiceKey udp(String address, int port) {
        return new ServiceKey.Address(Protocol.UDP, ip(address), port);
    }

    static VirtualService persistent(ServiceKey key, String scheduler, int timeout, int netmask) {
        return new VirtualService(key, scheduler, VirtualService.FLAG_PERSISTENT, timeout, netmask, null);
    }

    static Destination dest(String address, int port, ForwardingMethod method, int weight, int upper, int lower) {
        return new Destination(ip(address), port, method, weight, upper, lower, Destination.Tunnel.IPIP);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
