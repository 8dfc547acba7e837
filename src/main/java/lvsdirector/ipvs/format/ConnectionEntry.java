package lvsdirector.ipvs.format;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One entry of the IPVS connection table (a line of /proc/net/ip_vs_conn).
 *
 * @param protocol       "TCP", "UDP", "SCTP", or "IP" for a fwmark persistence template
 * @param client         client address (for templates the masked one)
 * @param clientPort     client port, 0 for templates
 * @param virtual        virtual address (the fwmark as an IPv4 address for fwmark templates)
 * @param virtualPort    virtual port
 * @param destination    real server address
 * @param destinationPort real server port
 * @param state          "ESTABLISHED", "TIME_WAIT", "ASSURED", ...
 * @param expiresSeconds seconds until the entry expires
 * @param peName         persistence engine name, or null
 * @param peData         persistence engine data (e.g. a SIP Call-ID), or null
 */
public record ConnectionEntry(String protocol, InetAddress client, int clientPort, InetAddress virtual,
                              int virtualPort, InetAddress destination, int destinationPort, String state,
                              long expiresSeconds, String peName, String peData) {
    public ConnectionEntry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(virtual, "virtual");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(state, "state");
    }

    public boolean hasPersistenceData() {
        return peName != null && peData != null;
    }
}
