package lvsdirector.heartbeat.node;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import lvsdirector.heartbeat.wire.DefaultFields;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.FieldType;
import lvsdirector.heartbeat.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeat 3.0.6's membership protocol for one local node: our statuses (init, up, then active once comm
 * is up), the per-peer generation and sequence checks, gap filling with {@code NS_rexmit}, acknowledgements,
 * the node list exchange and dead detection with the dead time each peer advertises. Driven by
 * {@link #receive} (authentic messages from other configured nodes) and {@link #tick} (called every
 * {@link MembershipSettings#tickPeriod()}); all calls must come from one thread.
 */
public final class Membership {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    private static final int MAX_RESENDS_PER_REQUEST = 50;

    private final MembershipSettings settings;
    private final MessageSender sender;
    private final MembershipListener listener;
    private final LongSupplier nanoClock;
    private final RandomGenerator random;
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final ReceivedMessages received;
    private NodeStatus localStatus = NodeStatus.INIT;
    private long startNanos;
    private long nextStatusNanos;
    private long nextReqnodesNanos = -1;
    private boolean stopped;

    public Membership(MembershipSettings settings, MessageSender sender, MembershipListener listener, LongSupplier nanoClock,
            RandomGenerator random) {
        this.settings = settings;
        this.sender = sender;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.random = random;
        for (String name : settings.peers()) {
            peers.put(name, new Peer(name, random.nextInt(10)));
        }
        this.received = new ReceivedMessages(this);
    }

    /** Sends {@code status init} and {@code status up} (seq 1 and 2) as heartbeat does when its media are up. */
    public void start() {
        startNanos = nanoClock.getAsLong();
        sendStatus();
        setLocalStatus(NodeStatus.UP);
        sendStatus();
    }

    /** Periodic work: keepalive, comm-up, retransmission requests, dead detection. */
    public void tick() {
        if (stopped) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - nextStatusNanos >= 0) {
            long due = nextStatusNanos;
            sendStatus();
            // keep the keepalive grid: a tick that came late does not push every later status back
            long keepalive = settings.keepalive().toNanos();
            if (now - due < keepalive) {
                nextStatusNanos = due + keepalive;
            }
        }
        detectDeaths(now);
        advanceCommUp(now);
        requestMissing(now);
    }

    /** Handles one authentic message whose {@code src} is another configured node. */
    public void receive(Message message) {
        if (!stopped) {
            received.handle(message, nanoClock.getAsLong());
        }
    }

    /** Announces that we leave ({@code shutdone st=dead}); afterwards nothing is sent or handled. */
    public void shutdown() {
        if (!stopped) {
            sender.send(Message.of(Field.string("t", "shutdone"), Field.string("st", "dead")));
            LOG.info("info: shutdone sent: {} leaves the cluster", settings.localNode());
            stopped = true;
        }
    }

    public NodeStatus localStatus() {
        return localStatus;
    }

    /** Every configured node's status as we see it, ours included, in ha.cf order. */
    public Map<String, NodeStatus> statuses() {
        Map<String, NodeStatus> all = new LinkedHashMap<>();
        for (String node : settings.nodes()) {
            all.put(node, node.equals(settings.localNode()) ? localStatus : peers.get(node).status);
        }
        return all;
    }

    public Optional<Long> peerGeneration(String node) {
        return Optional.ofNullable(peers.get(node)).filter(p -> p.generation >= 0).map(p -> p.generation);
    }

    MembershipSettings settings() {
        return settings;
    }

    MessageSender sender() {
        return sender;
    }

    MembershipListener listener() {
        return listener;
    }

    Peer peer(String node) {
        return peers.get(node);
    }

    /** The dead time we advertise now: padded by 2 s during the first 5 s, as heartbeat does. */
    long advertisedDeadtimeMillis() {
        long dt = settings.deadtime().toMillis();
        boolean starting = nanoClock.getAsLong() - startNanos < MembershipSettings.STARTUP_PADDING_PERIOD.toNanos();
        return starting ? dt + MembershipSettings.STARTUP_DEADTIME_PADDING.toMillis() : dt;
    }

    void sendStatus() {
        sender.send(Message.of(Field.string("t", "status"), Field.string("st", localStatus.word()),
                Field.string("dt", Long.toHexString(advertisedDeadtimeMillis())), Field.string("protocol", "1")));
        nextStatusNanos = nanoClock.getAsLong() + settings.keepalive().toNanos();
    }

    void setLocalStatus(NodeStatus status) {
        if (status != localStatus) {
            LOG.info("info: local status {} -> {}", localStatus.word(), status.word());
            localStatus = status;
            listener.localStatusChanged(status);
        }
    }

    /** A node we had declared dead is back with the same generation: tell it our status at once. */
    void partitionHealed(Peer peer) {
        sendStatus();
        listener.partitionHealed(peer.name);
    }

    /** Our {@code repnodes} arrived: comm is up. */
    void nodeListReceived(String from, String nodelist) {
        if (!Arrays.asList(nodelist.trim().split(" +")).equals(settings.nodes())) {
            LOG.warn("WARN: node list [{}] from {} differs from ha.cf's {}; keeping ours", nodelist.trim(), from, settings.nodes());
        }
        if (nextReqnodesNanos >= 0) {
            becomeActive();
        }
    }

    void setPeerStatus(Peer peer, NodeStatus status) {
        NodeStatus old = peer.status;
        if (old == status) {
            return;
        }
        peer.status = status;
        LOG.info("info: Status update for node {}: status {}", peer.name, status.word());
        listener.statusChanged(peer.name, old, status);
        if (status == NodeStatus.DEAD) {
            listener.nodeDead(peer.name);
        }
    }

    void scheduleRexmit(Peer peer, long now) {
        long maxDelay = settings.maxRexmitDelay().toNanos();
        for (long seq : peer.sequence.missing()) {
            peer.rexmitDue.computeIfAbsent(seq, s -> now + TimeUnit.MILLISECONDS.toNanos(50)
                    + (maxDelay > 50_000_000L ? random.nextLong(maxDelay - 50_000_000L) : 0));
        }
    }

    void answerRexmit(Peer peer, long first, long last, long now) {
        long count = 0;
        for (long seq = first; seq <= last && count < MAX_RESENDS_PER_REQUEST; seq++, count++) {
            if (sender.resend(seq, now) == SentHistory.ResendVerdict.GONE) {
                sender.send(Message.of(Field.string("t", "NS_nak_rexmit"), Field.string("firstseq", Long.toHexString(seq)),
                        Field.string("dest", peer.name), Field.string("info", "not in history")));
            }
        }
    }

    private void becomeActive() {
        nextReqnodesNanos = -1;
        setLocalStatus(NodeStatus.ACTIVE);
        sendStatus();
    }

    private void detectDeaths(long now) {
        for (Peer peer : peers.values()) {
            if (peer.status == NodeStatus.DEAD) {
                continue;
            }
            long since = peer.heard ? peer.lastStatusNanos : startNanos;
            long limit = peer.heard ? peer.deadtimeMillis : settings.initdead().toMillis();
            if (now - since > TimeUnit.MILLISECONDS.toNanos(limit)) {
                LOG.warn("WARN: node {}: is dead", peer.name);
                // as heartbeat: what the node sends after a partition is tracked afresh, not requested again
                peer.rexmitDue.clear();
                peer.sequence.reset();
                setPeerStatus(peer, NodeStatus.DEAD);
            }
        }
    }

    private void advanceCommUp(long now) {
        if (localStatus != NodeStatus.UP) {
            return;
        }
        boolean allHeard = peers.values().stream().allMatch(p -> p.heard || p.status == NodeStatus.DEAD);
        if (!allHeard && now - startNanos < settings.initdead().toNanos()) {
            return;
        }
        Optional<Peer> partner = peers.values().stream().filter(Peer::alive).findFirst();
        if (partner.isEmpty() || !partner.get().usesProtocol) {
            becomeActive();
            return;
        }
        if (nextReqnodesNanos < 0 || now - nextReqnodesNanos >= 0) {
            sender.send(Message.of(Field.string("t", "reqnodes"), Field.string("dest", partner.get().name)));
            nextReqnodesNanos = now + TimeUnit.SECONDS.toNanos(1);
        }
    }

    private void requestMissing(long now) {
        for (Peer peer : peers.values()) {
            if (!peer.alive()) {
                continue;
            }
            for (Map.Entry<Long, Long> due : peer.rexmitDue.entrySet()) {
                if (now - due.getValue() >= 0) {
                    String seq = Long.toString(due.getKey());
                    sender.send(Message.of(Field.string("t", "NS_rexmit"), Field.string("dest", peer.name),
                            Field.string("firstseq", seq), Field.string("lastseq", seq)));
                    due.setValue(now + settings.maxRexmitDelay().toNanos());
                }
            }
        }
    }

    static boolean isSequenced(Message message) {
        return !DefaultFields.isControl(message.type());
    }

    static Optional<byte[]> binary(Message message, String name) {
        return message.find(name).filter(f -> f.type() == FieldType.BINARY).map(Field::value);
    }
}
