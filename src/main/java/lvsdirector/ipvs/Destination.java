package lvsdirector.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server (destination) of a virtual service as the kernel holds it. Edits are full replacements.
 *
 * @param address        real server address (same family as the service, except for fwmark services)
 * @param port           real server port (0 for fwmark services without a port)
 * @param forwarding     forwarding method
 * @param weight         weight, 0 = quiesced
 * @param upperThreshold connection upper threshold (-x), 0 = none
 * @param lowerThreshold connection lower threshold (-y), 0 = none
 * @param tunnel         tunnel encapsulation for TUNNEL destinations
 */
public record Destination(InetAddress address, int port, ForwardingMethod forwarding, int weight,
                          int upperThreshold, int lowerThreshold, Tunnel tunnel) {

    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(tunnel, "tunnel");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
    }

    public static Destination of(InetAddress address, int port, ForwardingMethod forwarding, int weight) {
        return new Destination(address, port, forwarding, weight, 0, 0, Tunnel.IPIP);
    }

    public DestinationKey key() {
        return new DestinationKey(address, port);
    }

    public Destination withWeight(int newWeight) {
        return new Destination(address, port, forwarding, newWeight, upperThreshold, lowerThreshold, tunnel);
    }

    /** Tunnel encapsulation (IPVS_DEST_ATTR_TUN_TYPE / TUN_PORT / TUN_FLAGS). */
    public record Tunnel(int type, int port, int flags) {
        public static final int TYPE_IPIP = 0;
        public static final int TYPE_GUE = 1;
        public static final int TYPE_GRE = 2;
        public static final Tunnel IPIP = new Tunnel(TYPE_IPIP, 0, 0);
    }
}
