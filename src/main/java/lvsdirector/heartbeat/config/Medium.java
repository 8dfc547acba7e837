package lvsdirector.heartbeat.config;

/** A heartbeat communication medium from ha.cf (the HBcomm plugins). */
public sealed interface Medium {

    /** Broadcast to the IPv4 broadcast address of {@code iface}. */
    record Bcast(String iface) implements Medium {}

    /** Unicast to {@code peer} (address or host name) through {@code iface}. */
    record Ucast(String iface, String peer) implements Medium {}

    /** IPv4 multicast. */
    record Mcast(String iface, String group, int port, int ttl, boolean loop) implements Medium {}

    record Ucast6(String iface, String peer) implements Medium {}

    record Mcast6(String iface, String group, int port, int ttl, boolean loop) implements Medium {}

    /** A serial line; classic text packets. */
    record Serial(String device) implements Medium {}

    /** Whether this peer implements the medium (UDP over IPv4). */
    default boolean implemented() {
        return this instanceof Bcast || this instanceof Ucast || this instanceof Mcast;
    }
}
