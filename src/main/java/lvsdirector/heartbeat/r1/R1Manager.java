package lvsdirector.heartbeat.r1;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import lvsdirector.heartbeat.config.AutoFailback;
import lvsdirector.heartbeat.node.MembershipListener;
import lvsdirector.heartbeat.node.NodeStatus;
import lvsdirector.heartbeat.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * heartbeat's R1 resource manager for one node of a two-node cluster, driven by membership events and
 * the peer's messages (spec §4). It decides; {@link Groups} runs the scripts off the event loop.
 * nice_failback ({@code auto_failback on|off}): {@code starting}, {@code resource}, the RQSTDELAY and the
 * {@link StandbyExchange}; legacy: {@link LegacyRequests}. Both: takeover on death and on {@code shutdone},
 * graceful release on shutdown. All methods must be called on the node's event loop.
 */
public final class R1Manager implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(R1Manager.class);

    enum Phase { INIT, STARTING, RSCRCVD, STABLE, SHUTDOWN }

    final String localNode;
    final AutoFailback mode;
    final Groups groups;
    final R1Timing timing;
    private final Consumer<Message> out;
    private final LongSupplier nanoClock;
    private final StonithHook stonith;
    final StandbyExchange standby;
    private final LegacyRequests legacy;

    Phase phase = Phase.INIT;
    Holdings held = Holdings.NONE;
    private String peer;
    boolean peerAlive;
    boolean peerStable;
    private Holdings peerHolds = Holdings.NONE;
    private boolean peerLeft;
    private boolean peerEverHeard;
    private boolean peerActive;
    private boolean takeoverPending;
    private long requestDeadline = -1;
    private volatile String rscStatus = "transition";
    final Takeovers takeovers = new Takeovers();

    public R1Manager(String localNode, List<String> nodes, AutoFailback mode, Groups groups, Consumer<Message> out,
            LongSupplier nanoClock, StonithHook stonith, R1Timing timing) {
        this.localNode = localNode.toLowerCase(Locale.ROOT);
        List<String> peers = nodes.stream().filter(n -> !n.equalsIgnoreCase(localNode)).toList();
        if (peers.size() > 1) {
            LOG.warn("WARN: haresources (R1) takeover is done for two nodes; with {} peers only {} is watched", peers.size(), peers.get(0));
        }
        this.peer = peers.isEmpty() ? "" : peers.get(0);
        this.mode = mode;
        this.groups = groups;
        this.out = out;
        this.nanoClock = nanoClock;
        this.stonith = stonith;
        this.timing = timing;
        this.standby = new StandbyExchange(this);
        this.legacy = new LegacyRequests(this);
        if (mode == AutoFailback.LEGACY) {
            LOG.warn("WARN: Deprecated 'legacy' auto_failback option selected.");
        }
    }

    /** What {@code cl_status rscstatus} prints: none, local, foreign, all, or transition. Any thread. */
    public String rscStatus() {
        return rscStatus;
    }

    /** The takeovers this node did so far. Any thread. */
    public Takeovers takeovers() {
        return takeovers;
    }

    long now() {
        return nanoClock.getAsLong();
    }

    void send(Message message) {
        out.accept(message);
    }

    String peer() {
        return peer;
    }

    @Override
    public void localStatusChanged(NodeStatus status) {
        if (status != NodeStatus.ACTIVE || phase != Phase.INIT) {
            return;
        }
        if (!peerAlive) {
            LOG.info("info: no other node is alive: acquiring all resources");
            phase = Phase.STABLE;
            if (!mode.niceFailback()) {
                legacy.answerOurselves();
            }
            if (takeoverPending) {
                takeOverFromDead(peer);
            } else {
                takeOver("alone");
            }
            return;
        }
        if (mode.niceFailback()) {
            phase = Phase.STARTING;
            send(R1Messages.starting());
        } else {
            phase = Phase.STABLE;
            if (peerActive) {
                legacy.requestOwnGroups();
            }
        }
        refresh();
    }

    @Override
    public void statusChanged(String node, NodeStatus from, NodeStatus to) {
        if (!node.equals(peer)) {
            return;
        }
        peerActive = to == NodeStatus.ACTIVE;
        if (to != NodeStatus.DEAD) {
            peerAlive = true;
            peerEverHeard = true;
        }
        // the real heartbeat drops ip-request until its own comm is up (it registers the handler then)
        if (to == NodeStatus.ACTIVE && !mode.niceFailback() && phase == Phase.STABLE) {
            legacy.requestOwnGroups();
        }
    }

    @Override
    public void nodeRestarted(String node, long oldGeneration, long newGeneration) {
        if (node.equals(peer)) {
            // a restarted heartbeat gave up everything it held
            peerHolds = Holdings.NONE;
            peerStable = false;
            peerLeft = false;
            standby.cancel("the peer restarted");
        }
    }

    @Override
    public void nodeDead(String node) {
        if (!node.equals(peer)) {
            return;
        }
        peerAlive = false;
        peerStable = false;
        standby.cancel("the peer died");
        requestDeadline = -1;
        if (phase == Phase.INIT) {
            takeoverPending = true;
            return;
        }
        if (phase != Phase.SHUTDOWN) {
            takeOverFromDead(node);
        }
    }

    /** STONITH when the dead node may hold resources (reset first when a device is configured), then takeover. */
    private void takeOverFromDead(String node) {
        // a node never heard from, or one in legacy mode, may hold anything
        boolean needed = !peerLeft && (!peerEverHeard || peerHolds != Holdings.NONE || !mode.niceFailback());
        peerLeft = false;
        if (!needed) {
            send(R1Messages.stonith(node, "unneeded"));
            takeOver("mach_down");
        } else if (stonith.configuredFor(node)) {
            LOG.info("info: Resetting node {} with STONITH before taking over its resources", node);
            resetting = true;
            groups.work().submit(() -> lastReset = stonith.reset(node), () -> afterReset(node));
        } else {
            LOG.warn("WARN: No STONITH device configured.");
            LOG.warn("WARN: Shared disks are not protected.");
            send(R1Messages.stonith(node, "n_stnth"));
            LOG.info("info: Resources being acquired from {}.", node);
            takeOver("mach_down");
        }
        peerHolds = Holdings.NONE;
    }

    private volatile boolean lastReset;
    private boolean resetting;

    private void afterReset(String node) {
        resetting = false;
        if (peerAlive || phase == Phase.SHUTDOWN) {
            return;
        }
        send(R1Messages.stonith(node, lastReset ? "OK" : "bad"));
        if (lastReset) {
            LOG.info("info: node {} now reset. Resources being acquired.", node);
            takeOver("mach_down");
        } else {
            LOG.error("ERROR: STONITH of {} failed: its resources are NOT taken over", node);
        }
        refresh();
    }

    @Override
    public void message(String fromNode, Message message) {
        if (!fromNode.equals(peer) || phase == Phase.SHUTDOWN) {
            return;
        }
        switch (message.type()) {
            case "starting" -> peerStarting();
            case "resource" -> peerResource(message);
            case "ask_resources" -> standby.received(message);
            case "hb_takeover" -> hbTakeover(message);
            case "shutdone" -> peerShutdone();
            case "ip-request" -> legacy.request(message);
            case "ip-request-resp" -> legacy.response(message);
            case "stonith" -> LOG.info("info: {} reports STONITH of {}: {}", fromNode, message.get("node").orElse("?"),
                    message.get("result").orElse("?"));
            default -> LOG.debug("R1: {} message from {} ignored", message.type(), fromNode);
        }
        refresh();
    }

    /** heartbeat acts on no message addressed to another node; legacy mode only logs what it tells (see LegacyRequests). */
    @Override
    public void overheard(String fromNode, Message message) {
        if (fromNode.equals(peer) && !mode.niceFailback() && phase != Phase.SHUTDOWN && message.type().equals("ip-request-resp")) {
            legacy.overheardResponse(message);
        }
    }

    private void peerStarting() {
        peerStable = false;
        peerHolds = Holdings.NONE;
        if (mode.niceFailback() && phase != Phase.INIT) {
            send(R1Messages.resource(held, phase == Phase.STABLE, Optional.empty()));
        }
    }

    private void peerResource(Message message) {
        Optional<Holdings> hold = message.get("rsc_hold").flatMap(Holdings::parse);
        if (hold.isEmpty()) {
            LOG.error("ERROR: resource message with a bad rsc_hold [{}] ignored", message.get("rsc_hold").orElse(""));
            return;
        }
        String info = message.get("info").orElse("");
        if (info.equals("mach_down")) {
            peerHolds = peerHolds.plus(Holdings.FOREIGN);
            return;
        }
        peerHolds = hold.get();
        boolean stable = message.get("isstable").orElse("0").equals("1");
        peerStable = stable;
        if (info.equals("shutdown")) {
            peerLeft = true;
        }
        if (!mode.niceFailback()) {
            return;
        }
        if (phase == Phase.STARTING || phase == Phase.RSCRCVD) {
            if (stable) {
                LOG.info("info: remote resource transition completed.");
                becomeStable(peerHolds.foreign());
            } else {
                phase = Phase.RSCRCVD;
                if (requestDeadline < 0) {
                    requestDeadline = now() + timing.requestDelay().toNanos();
                }
            }
        } else if (phase == Phase.STABLE && stable && mode == AutoFailback.ON && held.foreign() && !standby.active()) {
            LOG.info("info: {} is stable and we hold its resources: giving them back (auto_failback on)", peer);
            standby.offer(Holdings.FOREIGN);
        }
    }

    /** Our local groups unless the peer already holds them; then STABLE and say so. */
    private void becomeStable(boolean peerHoldsOurs) {
        requestDeadline = -1;
        phase = Phase.STABLE;
        if (peerHoldsOurs) {
            LOG.info("info: Local Resource acquisition completed. (none)");
            send(R1Messages.resource(held, true, Optional.empty()));
            return;
        }
        held = held.plus(Holdings.LOCAL);
        send(R1Messages.resource(held, true, Optional.empty()));
        groups.acquire(Holdings.LOCAL, () -> {
            LOG.info("info: Local Resource acquisition completed.");
            send(R1Messages.resource(held, true, Optional.of("req_our_resources()")));
        });
    }

    private void hbTakeover(Message message) {
        Optional<Holdings> set = message.get("rsc_hold").flatMap(Holdings::parse);
        if (set.isEmpty()) {
            LOG.error("ERROR: hb_takeover with a bad rsc_hold [{}] ignored", message.get("rsc_hold").orElse(""));
            return;
        }
        LOG.info("info: {} asks to take over its {} resources: going standby", peer, set.get().word());
        standby.offer(set.get().mirrored());
    }

    private void peerShutdone() {
        LOG.info("info: Received shutdown notice from '{}'.", peer);
        peerLeft = true;
        peerStable = false;
        standby.cancel("the peer shuts down");
        takeOver("mach_down");
        peerHolds = Holdings.NONE;
    }

    /** Acquires every group we do not hold yet (takeover on death, on shutdone, or alone at start). */
    void takeOver(String why) {
        takeoverPending = false;
        phase = Phase.STABLE;
        Holdings missing = Holdings.ALL.minus(held);
        held = Holdings.ALL;
        if (missing.foreign() && !why.equals("alone")) {
            takeovers.count(Takeovers.PEER_DOWN);
        }
        if (mode.niceFailback()) {
            send(R1Messages.resource(held, true, Optional.of("req_our_resources()")));
        }
        groups.acquire(missing, () -> {
            if (mode.niceFailback() && missing.foreign() && why.equals("mach_down")) {
                send(R1Messages.machDown());
            }
            refresh();
        });
        refresh();
    }

    /** Periodic work: RQSTDELAY, standby timeouts, the delayed standby after a failed start. */
    @Override
    public void tick() {
        long now = now();
        if (requestDeadline >= 0 && now - requestDeadline >= 0 && (phase == Phase.STARTING || phase == Phase.RSCRCVD)) {
            LOG.info("info: local resource transition completed.");
            becomeStable(false);
        }
        standby.tick(now);
        groups.failedSide().ifPresent(side -> {
            if (phase == Phase.STABLE && peerAlive && peerStable && !standby.active()) {
                LOG.warn("WARN: handing the {} resources that failed to start to {}", side.word(), peer);
                standby.offer(side);
            }
        });
        refresh();
    }

    /** hb_standby: offer {@code set} (our view) to the peer. Returns what happened, for the operator. */
    public String requestStandby(Holdings set) {
        if (!mode.niceFailback()) {
            return "error: standby needs auto_failback on or off (legacy mode has no standby protocol)";
        }
        if (phase != Phase.STABLE || !peerAlive || !peerStable) {
            return "error: resources are in transition or the other node is not stable: standby refused";
        }
        if (standby.active()) {
            return "error: a standby transfer is already in progress";
        }
        standby.offer(set);
        refresh();
        return "ok: going standby [" + set.word() + "]";
    }

    /** hb_takeover: ask the peer to give us {@code set} (our view). */
    public String requestTakeover(Holdings set) {
        if (!mode.niceFailback()) {
            return "error: takeover needs auto_failback on or off (legacy mode has no standby protocol)";
        }
        if (!peerAlive) {
            return "error: the other node is not alive";
        }
        send(R1Messages.takeover(set));
        return "ok: asked " + peer + " to hand over [" + set.word() + "]";
    }

    /** Graceful shutdown: say so, release every group (last group first), then complete. */
    @Override
    public CompletionStage<Void> leaving() {
        CompletableFuture<Void> released = new CompletableFuture<>();
        phase = Phase.SHUTDOWN;
        standby.cancel("shutting down");
        if (mode.niceFailback()) {
            send(R1Messages.resource(Holdings.NONE, false, Optional.of("shutdown")));
        }
        held = Holdings.NONE;
        groups.releaseEverything(() -> released.complete(null));
        refresh();
        return released;
    }

    void refresh() {
        boolean transition = phase != Phase.STABLE || groups.busy() || standby.active() || resetting;
        rscStatus = transition ? "transition" : held.word();
    }
}
