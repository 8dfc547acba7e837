package lvsdirector.ipvs.kernel;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPVS connection-synchronisation daemon (ipvsadm --start-daemon). On start, 0 / null fields mean "kernel
 * default" and are not sent; read back, the kernel fills them all (maxLength 1472, group 224.0.0.81, port 8848,
 * ttl 1 by default).
 *
 * @param state         master or backup
 * @param interfaceName multicast interface (required, at most 15 bytes)
 * @param syncId        sync id (0 = any)
 * @param maxLength     sync message size limit in bytes, 0 = default
 * @param group         multicast group, null = default
 * @param port          multicast UDP port, 0 = default
 * @param ttl           multicast TTL, 0 = default
 */
public record SyncDaemon(IpvsGenl.DaemonState state, String interfaceName, int syncId, int maxLength,
                         InetAddress group, int port, int ttl) {

    public SyncDaemon {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("multicast port out of range: " + port);
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("multicast TTL out of range: " + ttl);
        }
        if (maxLength < 0 || maxLength > 65535) {
            throw new IllegalArgumentException("sync max length out of range: " + maxLength);
        }
    }

    /** A daemon with every optional setting at the kernel default. */
    public static SyncDaemon of(IpvsGenl.DaemonState state, String interfaceName, int syncId) {
        return new SyncDaemon(state, interfaceName, syncId, 0, null, 0, 0);
    }
}
