package lvsdirector.ipvs.sync;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One row of {@code /proc/net/ip_vs_conn} or {@code /proc/net/ip_vs_conn_sync}.
 *
 * @param protocol       the kernel's protocol name ("TCP", "UDP", "SCTP", "IP")
 * @param origin         "LOCAL" or "SYNC" (only the _sync file has it)
 * @param expiresSeconds remaining lifetime in seconds when the file was read
 */
public record ConnectionRow(String protocol, InetAddress client, int clientPort, InetAddress virtualAddress,
                            int virtualPort, InetAddress destination, int destinationPort, String state,
                            Optional<String> origin, long expiresSeconds) {

    /** Templates are the rows with client port 0: a real TCP/UDP connection never has it. */
    public boolean isTemplate() {
        return clientPort == 0;
    }
}
