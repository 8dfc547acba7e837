package lvsdirector.heartbeat.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed ha.cf with heartbeat's defaults applied.
 *
 * @param nodes the {@code node} names, lowercased, in file order, without duplicates
 * @param warntime "late heartbeat" threshold (default deadtime/2)
 * @param initdead deadtime used until comm is up (default: see {@link HaCfParser})
 * @param deadping deadtime of ping nodes (default deadtime)
 * @param logFacility syslog facility, empty for {@code none} or when unset
 * @param stonithHosts the {@code stonith_host} lines, in file order
 * @param notImplemented one notice per accepted directive this peer does not implement
 * @param warnings what heartbeat would warn about (e.g. a short initdead)
 * @param realtimePriority SCHED_FIFO priority for the membership loop ({@code realtime}, on by default, and
 *     {@code rtprio}, 1 unless given); 0 with {@code realtime off}
 */
public record HaCf(
        List<String> nodes,
        Duration keepalive,
        Duration deadtime,
        Duration warntime,
        Duration initdead,
        Duration deadping,
        int udpPort,
        List<Medium> media,
        List<PingNode> pingNodes,
        AutoFailback autoFailback,
        String cluster,
        int hopfudge,
        Optional<String> logFacility,
        Optional<String> logFile,
        Optional<String> debugFile,
        int debugLevel,
        boolean logBadPackets,
        MsgFormat msgFormat,
        Duration maxRexmitDelay,
        List<StonithHost> stonithHosts,
        List<ConfigNotice> notImplemented,
        List<ConfigNotice> warnings,
        int realtimePriority) {

    public HaCf {
        nodes = List.copyOf(nodes);
        media = List.copyOf(media);
        pingNodes = List.copyOf(pingNodes);
        stonithHosts = List.copyOf(stonithHosts);
        notImplemented = List.copyOf(notImplemented);
        warnings = List.copyOf(warnings);
    }

    /** The {@code ttl} field value: hopfudge plus the number of nodes. */
    public int ttl() {
        return hopfudge + nodes.size();
    }

    public boolean hasNode(String name) {
        return nodes.contains(name.toLowerCase(Locale.ROOT));
    }

    /** heartbeat refuses to start when this host's {@code uname -n} is not a configured node. */
    public void requireLocalNode(String file, String localNode) throws ConfigException {
        if (!hasNode(localNode)) {
            throw new ConfigException(file, 0, "Current node [" + localNode.toLowerCase(Locale.ROOT) + "] not in configuration!");
        }
    }
}
