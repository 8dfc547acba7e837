package lvsdirector.ipvs.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Objects;

/**
 * Hands entries to the local kernel's backup sync daemon: ordinary v1 sync datagrams sent to the sync
 * group and port out of the sync interface, with multicast loopback on (without it the own kernel never
 * sees them) and TTL 1 so they never leave the link. The backup daemon must run with the same sync id
 * (or 0, which accepts any).
 *
 * @param maxLength sync max length in bytes; 0 = {@link SyncBatches#DEFAULT_MAX_LENGTH}
 */
public record SyncInjector(String interfaceName, int syncId, InetAddress group, int port, int maxLength) {

    public SyncInjector {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(group, "group");
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException("sync group " + group.getHostAddress() + " is not a multicast address");
        }
    }

    /** Sends {@code entries}; returns the number of datagrams sent. */
    public int inject(List<SyncEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return 0;
        }
        NetworkInterface nif = NetworkInterface.getByName(interfaceName);
        if (nif == null) {
            throw new IOException("sync interface " + interfaceName + " does not exist");
        }
        List<SyncMessage> messages = SyncBatches.of(syncId, entries,
                maxLength == 0 ? SyncBatches.DEFAULT_MAX_LENGTH : maxLength);
        StandardProtocolFamily family = group.getAddress().length == 4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        try (DatagramChannel channel = DatagramChannel.open(family)) {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            InetSocketAddress target = new InetSocketAddress(group, port);
            for (SyncMessage message : messages) {
                channel.send(ByteBuffer.wrap(SyncCodec.encode(message)), target);
            }
        }
        return messages.size();
    }
}
