package lvsdirector.heartbeat.media;

import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import lvsdirector.heartbeat.config.Medium;

/**
 * Where one medium sends to, resolved from ha.cf.
 *
 * @param iface the interface named in ha.cf
 * @param host destination address (broadcast address, peer, or group)
 * @param port destination UDP port (the {@code udpport}, or the port of an {@code mcast} line)
 * @param broadcast whether the socket needs SO_BROADCAST
 * @param multicastTtl TTL for multicast, 0 for other media
 * @param multicastLoop whether our own multicast packets loop back to this host
 */
public record MediumTarget(String iface, String host, int port, boolean broadcast, int multicastTtl, boolean multicastLoop) {

    public boolean multicast() {
        return multicastTtl > 0;
    }

    /** @throws MediaException when the medium is not implemented or its interface has no IPv4 broadcast address */
    public static MediumTarget resolve(Medium medium, int udpPort) throws MediaException {
        if (medium instanceof Medium.Bcast b) {
            return new MediumTarget(b.iface(), broadcastAddress(b.iface()), udpPort, true, 0, false);
        }
        if (medium instanceof Medium.Ucast u) {
            return new MediumTarget(u.iface(), u.peer(), udpPort, false, 0, false);
        }
        if (medium instanceof Medium.Mcast m) {
            return new MediumTarget(m.iface(), m.group(), m.port(), false, m.ttl(), m.loop());
        }
        throw new MediaException("medium " + medium + " is not implemented by this peer (only bcast, ucast, mcast)");
    }

    static String broadcastAddress(String iface) throws MediaException {
        try {
            NetworkInterface nif = NetworkInterface.getByName(iface);
            if (nif == null) {
                throw new MediaException("bcast: no interface named " + iface);
            }
            for (InterfaceAddress address : nif.getInterfaceAddresses()) {
                if (address.getAddress() instanceof Inet4Address && address.getBroadcast() != null) {
                    return address.getBroadcast().getHostAddress();
                }
            }
            throw new MediaException("bcast: interface " + iface + " has no IPv4 broadcast address");
        } catch (SocketException e) {
            throw new MediaException("bcast: cannot read the addresses of " + iface + ": " + e.getMessage());
        }
    }
}
