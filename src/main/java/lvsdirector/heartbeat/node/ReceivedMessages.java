package lvsdirector.heartbeat.node;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path of {@link Membership}: generation check (a lower one is a replay and is dropped, a
 * higher one a restart), sequence tracking (duplicates dropped, gaps requested, acks sent), {@code dest}
 * filtering, then dispatch by message type.
 */
final class ReceivedMessages {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

    private final Membership membership;

    ReceivedMessages(Membership membership) {
        this.membership = membership;
    }

    void handle(Message message, long now) {
        String src = message.get("src").orElse("").toLowerCase(Locale.ROOT);
        Peer peer = membership.peer(src);
        if (peer == null) {
            LOG.error("ERROR: message from unknown node [{}] ignored", src);
            return;
        }
        Optional<Long> generation = hex(message, "hg");
        if (generation.isEmpty()) {
            LOG.error("ERROR: message from {} without a valid hg (generation) field dropped: {}", src, message.get("hg").orElse("<none>"));
            return;
        }
        if (!checkGeneration(peer, generation.get(), message)) {
            return;
        }
        Membership.binary(message, "srcuuid").ifPresent(uuid -> membership.sender().rememberUuid(peer.name, uuid));
        if (Membership.isSequenced(message) && !trackSequence(peer, message, now)) {
            return;
        }
        if (!addressedToUs(message)) {
            membership.listener().overheard(peer.name, message);
            return;
        }
        dispatch(peer, message, now);
    }

    private boolean checkGeneration(Peer peer, long generation, Message message) {
        if (peer.generation >= 0 && generation < peer.generation) {
            LOG.error("ERROR: lower generation {} than {} from node {}: attempted replay attack, dropped ({})",
                    Long.toHexString(generation), Long.toHexString(peer.generation), peer.name, message.type());
            return false;
        }
        if (peer.generation >= 0 && generation > peer.generation) {
            LOG.info("info: Heartbeat restart on node {} (generation {} -> {})", peer.name,
                    Long.toHexString(peer.generation), Long.toHexString(generation));
            peer.sequence.reset();
            peer.rexmitDue.clear();
            peer.lastStatusSeq = 0;
            peer.restartPending = true;
            membership.listener().nodeRestarted(peer.name, peer.generation, generation);
        }
        if (generation == peer.generation && returnsAfterPartition(peer, message)) {
            Optional<Long> seq = hex(message, "seq");
            if (seq.isEmpty() || seq.get() <= peer.lastStatusSeq) {
                return false;
            }
            logReturnAfterPartition(peer.name);
            membership.partitionHealed(peer);
        }
        peer.generation = generation;
        return true;
    }

    /** A status of the generation we knew, from a node we heard and then declared dead: it never restarted. */
    private static boolean returnsAfterPartition(Peer peer, Message message) {
        return peer.heard && !peer.restartPending && peer.status == NodeStatus.DEAD && message.type().equals("status");
    }

    /** heartbeat 3.0.6's lines for a healed partition, in its words and levels. */
    private static void logReturnAfterPartition(String node) {
        LOG.error("CRIT: Cluster node {} returning after partition.", node);
        LOG.info("info: For information on cluster partitions, See URL: http://linux-ha.org/wiki/Split_Brain");
        LOG.warn("WARN: Deadtime value may be too small.");
        LOG.info("info: See FAQ for information on tuning deadtime.");
        LOG.info("info: URL: http://linux-ha.org/wiki/FAQ#Heavy_Load");
    }

    /** False when the message is a duplicate (or has no usable seq) and must not be acted on. */
    private boolean trackSequence(Peer peer, Message message, long now) {
        Optional<Long> seq = hex(message, "seq");
        if (seq.isEmpty() || seq.get() <= 0) {
            LOG.error("ERROR: {} message from {} without a valid seq field dropped", message.type(), peer.name);
            return false;
        }
        switch (peer.sequence.accept(seq.get())) {
            case DUPLICATE -> {
                return false;
            }
            case GAP_FILLED -> peer.rexmitDue.remove(seq.get());
            case AHEAD -> membership.scheduleRexmit(peer, now);
            case RESET -> {
                LOG.warn("WARN: lost a lot of packets from {}: sequence jumped to {}", peer.name, seq.get());
                peer.rexmitDue.clear();
            }
            case IN_ORDER -> maybeAcknowledge(peer, seq.get());
        }
        return true;
    }

    private void maybeAcknowledge(Peer peer, long seq) {
        if (peer.usesProtocol && peer.sequence.missing().isEmpty() && seq % 10 == peer.ackTrigger) {
            membership.sender().send(Message.of(Field.string("t", "NS_ackmsg"), Field.string("dest", peer.name),
                    Field.string("ackseq", Long.toHexString(seq))));
        }
    }

    private boolean addressedToUs(Message message) {
        Optional<byte[]> destUuid = Membership.binary(message, "destuuid");
        if (destUuid.isPresent()) {
            return Arrays.equals(destUuid.get(), membership.sender().identity().uuid());
        }
        return message.get("dest").map(d -> d.equalsIgnoreCase(membership.settings().localNode())).orElse(true);
    }

    private void dispatch(Peer peer, Message message, long now) {
        switch (message.type()) {
            case "status" -> status(peer, message, now);
            case "reqnodes" -> membership.sender().send(Message.of(Field.string("t", "repnodes"), Field.string("dest", peer.name),
                    Field.string("nodelist", String.join(" ", membership.settings().nodes()) + " "),
                    Field.string("delnodelist", " ")));
            case "repnodes" -> membership.nodeListReceived(peer.name, message.get("nodelist").orElse(""));
            case "NS_ackmsg" -> { }
            case "query-cstatus" -> membership.sender().send(Message.of(Field.string("t", "respond-cstatus"),
                    Field.string("dest", peer.name), Field.string("result", "OK"), Field.string("cn", message.get("cn").orElse("")),
                    Field.string("to_id", message.get("from_id").orElse("")), Field.string("cs", "offline")));
            case "NS_rexmit" -> rexmitRequest(peer, message, now);
            case "NS_nak_rexmit" -> hex(message, "firstseq").ifPresent(seq -> {
                LOG.error("ERROR: Irretrievably lost packet: node {} seq {}", peer.name, seq);
                peer.sequence.forget(seq);
                peer.rexmitDue.remove(seq);
            });
            default -> membership.listener().message(peer.name, message);
        }
    }

    private void status(Peer peer, Message message, long now) {
        NodeStatus status = NodeStatus.fromWire(message.get("st").orElse(""));
        if (status == null) {
            LOG.error("ERROR: status message from {} with unknown st [{}] ignored", peer.name, message.get("st").orElse(""));
            return;
        }
        hex(message, "dt").filter(dt -> dt > 0).ifPresent(dt -> peer.deadtimeMillis = dt);
        if (peer.deadtimeMillis <= 0) {
            peer.deadtimeMillis = membership.settings().deadtime().toMillis();
        }
        boolean wasAlive = peer.alive();
        if (peer.heard) {
            long intervalMs = TimeUnit.NANOSECONDS.toMillis(now - peer.lastStatusNanos);
            if (intervalMs > peer.deadtimeMillis && wasAlive) {
                LOG.error("CRIT: Late heartbeat: Node {}: interval {} ms (> deadtime)", peer.name, intervalMs);
                membership.listener().lateHeartbeat(peer.name, intervalMs, true);
            } else if (intervalMs > membership.settings().warntime().toMillis() && wasAlive) {
                LOG.warn("WARN: Late heartbeat: Node {}: interval {} ms", peer.name, intervalMs);
                membership.listener().lateHeartbeat(peer.name, intervalMs, false);
            }
        }
        if (peer.heard && !wasAlive) {
            LOG.info("info: node {} is back (generation {})", peer.name, Long.toHexString(peer.generation));
        }
        peer.heard = true;
        peer.restartPending = false;
        peer.lastStatusNanos = now;
        hex(message, "seq").ifPresent(seq -> peer.lastStatusSeq = seq);
        peer.usesProtocol = message.get("protocol").isPresent();
        membership.setPeerStatus(peer, status);
        if (!wasAlive) {
            membership.listener().nodeUp(peer.name);
        }
    }

    private void rexmitRequest(Peer peer, Message message, long now) {
        try {
            long first = Long.parseLong(message.get("firstseq").orElse(""));
            long last = Long.parseLong(message.get("lastseq").orElse(""));
            if (first <= 0 || last < first) {
                throw new NumberFormatException("empty range");
            }
            membership.answerRexmit(peer, first, last, now);
        } catch (NumberFormatException e) {
            LOG.error("ERROR: NS_rexmit from {} with a bad range [{}..{}] ignored", peer.name,
                    message.get("firstseq").orElse(""), message.get("lastseq").orElse(""));
        }
    }

    static Optional<Long> hex(Message message, String name) {
        Optional<String> text = message.get(name);
        if (text.isEmpty() || text.get().isEmpty() || text.get().length() > 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseUnsignedLong(text.get(), 16)).filter(v -> v >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
