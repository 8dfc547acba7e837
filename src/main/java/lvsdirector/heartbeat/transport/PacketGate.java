package lvsdirector.heartbeat.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.Optional;
import java.util.Set;
import lvsdirector.heartbeat.wire.DecodeResult;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a received datagram only when it parses, its signature verifies with our authkeys and its
 * {@code src} is another configured node. Our own broadcast/multicast packets come back to us and are
 * dropped silently; everything else that is dropped is logged with the reason (when {@code log_badpack}).
 */
public final class PacketGate {
    private static final Logger LOG = LoggerFactory.getLogger(PacketGate.class);

    private final PacketDecoder decoder;
    private final String localNode;
    private final Set<String> nodes;
    private final boolean logBadPackets;
    private final Map<String, LongAdder> drops = new ConcurrentHashMap<>();

    public PacketGate(PacketDecoder decoder, String localNode, List<String> nodes, boolean logBadPackets) {
        this.decoder = decoder;
        this.localNode = localNode.toLowerCase(Locale.ROOT);
        this.nodes = Set.copyOf(nodes);
        this.logBadPackets = logBadPackets;
    }

    /** The message of an authentic packet from another configured node, or empty (logged) when dropped. */
    public Optional<Message> admit(byte[] datagram, String from) {
        DecodeResult result = decoder.decode(datagram);
        if (result instanceof DecodeResult.Rejected rejected) {
            return drop(from, rejected.reason().words().replace(' ', '_'), rejected.describe());
        }
        Message message = ((DecodeResult.Accepted) result).message();
        Optional<String> src = message.get("src");
        if (src.isEmpty()) {
            return drop(from, "no_src", "authentic packet without src field");
        }
        String node = src.get().toLowerCase(Locale.ROOT);
        if (node.equals(localNode)) {
            return Optional.empty();
        }
        if (!nodes.contains(node)) {
            return drop(from, "unknown_node", "bad node [" + src.get() + "] in message: not a node of ha.cf");
        }
        return Optional.of(message);
    }

    /** Packets dropped so far, by reason (the decoder's reject reason, no_src, unknown_node). Any thread. */
    public Map<String, Long> drops() {
        Map<String, Long> copy = new TreeMap<>();
        drops.forEach((reason, n) -> copy.put(reason, n.sum()));
        return copy;
    }

    private Optional<Message> drop(String from, String reason, String why) {
        drops.computeIfAbsent(reason, r -> new LongAdder()).increment();
        if (logBadPackets) {
            LOG.error("ERROR: dropped packet from {}: {}", from, why);
        }
        return Optional.empty();
    }
}
