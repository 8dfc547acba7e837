package lvsdirector.ipvs.sync;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.support.InetAddrs;

/**
 * A persistence template as snapshotted: which real server a client is bound to for a virtual service,
 * until an absolute time (kernel timers are relative; a snapshot must survive a reboot).
 *
 * @param virtualAddress the VIP, or for a firewall-mark template the mark written as an address (as the
 *                       kernel stores it)
 * @param fwmark         the mark of a firewall-mark template, 0 otherwise
 * @param realPort       copied exactly as the kernel shows it (0 in firewall-mark MASQ templates)
 * @param state          the kernel's template state name, "NONE" or "ASSURED"
 * @param expiresAtMs    epoch milliseconds when the template runs out
 */
public record PersistenceTemplate(TemplateProtocol protocol, InetAddress client, InetAddress virtualAddress,
                                  int virtualPort, int fwmark, InetAddress real, int realPort, String state,
                                  long expiresAtMs) {
    public PersistenceTemplate {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(state, "state");
        if (virtualPort < 0 || virtualPort > 65535 || realPort < 0 || realPort > 65535) {
            throw new IllegalArgumentException("port out of range in template for client " + InetAddrs.numeric(client));
        }
        if (TemplateState.ofName(state).isEmpty()) {
            throw new IllegalArgumentException("unknown template state " + state);
        }
    }

    public TemplateKey key() {
        return new TemplateKey(protocol, client, virtualAddress, virtualPort);
    }

    /** The virtual service this template belongs to. */
    public ServiceKey service() {
        return protocol == TemplateProtocol.IP
                ? new ServiceKey.Fwmark(fwmark, !(client instanceof Inet4Address))
                : new ServiceKey.Address(protocol.serviceProtocol().orElseThrow(), virtualAddress, virtualPort);
    }

    /** As a sync entry that gives the template {@code remainingSeconds} more life. */
    public SyncEntry toSyncEntry(long remainingSeconds) {
        return SyncEntry.template(protocol.number(), TemplateState.ofName(state).orElseThrow().code(), virtualPort,
                realPort, fwmark, remainingSeconds, client, virtualAddress, real);
    }

    @Override
    public String toString() {
        return protocol + " " + InetAddrs.numeric(client) + " -> " + service() + " -> "
                + InetAddrs.hostPort(real, realPort);
    }
}
