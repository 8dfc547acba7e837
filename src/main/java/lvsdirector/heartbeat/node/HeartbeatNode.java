package lvsdirector.heartbeat.node;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.config.Medium;
import lvsdirector.heartbeat.config.MsgFormat;
import lvsdirector.heartbeat.media.MediaException;
import lvsdirector.heartbeat.media.MediumTarget;
import lvsdirector.heartbeat.media.UdpMedia;
import lvsdirector.heartbeat.transport.PacketGate;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.PacketDecoder;
import lvsdirector.heartbeat.wire.SenderIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running heartbeat peer: identity from the state directory (generation raised and synced before the
 * first packet), the UDP media, the packet gate and the membership state machine, all on one Vert.x
 * context, ticked every {@link MembershipSettings#tickPeriod()} (a quarter keepalive, 10-100 ms).
 */
public final class HeartbeatNode {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatNode.class);

    private final Context context;
    private final UdpMedia media;
    private final LocalMembership membership;
    private final long timer;
    private final PacketGate gate;
    private volatile Map<String, NodeStatus> statuses;
    private volatile SenderIdentity identity;

    private HeartbeatNode(Context context, UdpMedia media, LocalMembership membership, PacketGate gate, long tickMillis) {
        this.gate = gate;
        this.context = context;
        this.media = media;
        this.membership = membership;
        this.identity = membership.identity();
        this.statuses = membership.statuses();
        this.timer = context.owner().setPeriodic(tickMillis, id -> {
            membership.tick();
            statuses = membership.statuses();
            identity = membership.identity();
        });
    }

    /** Builds the listener once the node can send: it gets the node's signed, sequenced message sender. */
    @FunctionalInterface
    public interface ListenerFactory {
        MembershipListener create(MessageSender sender);
    }

    /**
     * Starts a node. {@code listenHost} is normally {@code 0.0.0.0}.
     *
     * @throws IOException when the state directory cannot be read or written (nothing was sent then)
     */
    public static Future<HeartbeatNode> start(Vertx vertx, HaCf haCf, AuthKeys keys, String localNode, StateDirectory state,
            String listenHost, MembershipListener listener) throws IOException, MediaException {
        return start(vertx, haCf, keys, localNode, state, listenHost, sender -> listener);
    }

    /** Like {@link #start(Vertx, HaCf, AuthKeys, String, StateDirectory, String, MembershipListener)}, the listener built on the loop. */
    public static Future<HeartbeatNode> start(Vertx vertx, HaCf haCf, AuthKeys keys, String localNode, StateDirectory state,
            String listenHost, ListenerFactory listenerFactory) throws IOException, MediaException {
        return start(vertx, haCf, keys, localNode, state, listenHost, listenerFactory, new StartProgress());
    }

    /** Like the other starts, reporting each step to {@code progress} so a caller that gives up can say where. */
    public static Future<HeartbeatNode> start(Vertx vertx, HaCf haCf, AuthKeys keys, String localNode, StateDirectory state,
            String listenHost, ListenerFactory listenerFactory, StartProgress progress) throws IOException, MediaException {
        MembershipSettings settings = MembershipSettings.of(haCf, localNode);
        List<MediumTarget> targets = targets(haCf);
        byte[] uuid = state.uuid();
        PacketGate gate = new PacketGate(new PacketDecoder(keys), settings.localNode(), settings.nodes(), haCf.logBadPackets());
        Context context = vertx.getOrCreateContext();
        Promise<HeartbeatNode> started = Promise.promise();
        progress.step("waiting for the event loop to run the start (a blocked loop: see the thread dump)");
        context.runOnContext(v -> {
            LocalMembership[] holder = new LocalMembership[1];
            progress.step("opening the media on " + targets.stream().map(MediumTarget::iface).distinct().toList());
            UdpMedia.open(vertx, targets, listenHost, d -> {
                if (holder[0] != null) {
                    gate.admit(d.data(), d.from()).ifPresent(holder[0]::receive);
                }
            }).onFailure(started::fail).onSuccess(media -> {
                LocalMembership membership = new LocalMembership(settings, uuid, haCf.ttl(),
                        () -> state.nextGeneration(System.currentTimeMillis() / 1000),
                        identity -> new MessageSender(identity, keys, haCf.msgFormat() == MsgFormat.CLASSIC, media,
                                () -> System.currentTimeMillis() / 1000, HeartbeatNode::loadAverage),
                        sender -> {
                            progress.step("building the resource layer (haresources)");
                            return listenerFactory.create(sender);
                        }, System::nanoTime, new Random(), r -> context.runOnContext(w -> r.run()));
                try {
                    progress.step("raising the generation in " + state.path() + " and sending the first status packet");
                    membership.start();
                } catch (IOException | RuntimeException e) {
                    media.close();
                    started.fail(e);
                    return;
                }
                holder[0] = membership;
                LOG.info("info: node {}: {} media", settings.localNode(), targets.size());
                progress.step("started");
                started.complete(new HeartbeatNode(context, media, membership, gate, settings.tickPeriod().toMillis()));
            });
        });
        return started.future();
    }

    private static List<MediumTarget> targets(HaCf haCf) throws MediaException {
        List<MediumTarget> targets = new ArrayList<>();
        for (Medium medium : haCf.media()) {
            if (medium.implemented()) {
                targets.add(MediumTarget.resolve(medium, haCf.udpPort()));
            } else {
                LOG.warn("WARN: medium {} is not implemented by this peer and is ignored", medium);
            }
        }
        if (targets.isEmpty()) {
            throw new MediaException("no usable medium in ha.cf: this peer implements bcast, ucast and mcast");
        }
        return targets;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The identity of the current lifetime (its generation grows at a restart after a partition). */
    public SenderIdentity identity() {
        return identity;
    }

    /**
     * Puts the node's loop thread (statuses, dead-time checks, packets, resource decisions) under SCHED_FIFO at
     * {@code priority}, as heartbeat does with {@code realtime on}: on a busy machine the keepalives and the
     * dead-time checks are then not delayed by ordinary work such as the standby director's JVM start, which
     * under load got sub-second dead times declared falsely. Fails (the loop keeps its ordinary scheduling) when
     * the kernel refuses.
     */
    public Future<Void> useRealtimeScheduling(int priority) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            try {
                lvsdirector.netlink.sched.RealtimeScheduling.fifoForCurrentThread(priority);
                done.complete();
            } catch (IOException | RuntimeException | LinkageError e) {
                done.fail(e);
            }
        });
        return done.future();
    }

    /** Every configured node's status as last seen by the event loop (safe from any thread). */
    public Map<String, NodeStatus> statuses() {
        return statuses;
    }

    /** Received packets dropped so far, by reason (safe from any thread). */
    public Map<String, Long> droppedPackets() {
        return gate.drops();
    }

    /** Runs {@code action} on the node's event loop (where the membership and its listener live). */
    public void runOnLoop(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    /**
     * Closes the media. When {@code graceful}, first lets the listener finish leaving (the resource layer
     * releases its groups meanwhile, statuses keep going out), then sends {@code shutdone}.
     */
    public Future<Void> stop(boolean graceful) {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> membership.stop(graceful).whenComplete((ok, failure) -> context.runOnContext(w -> {
            context.owner().cancelTimer(timer);
            statuses = membership.statuses();
            // let the last datagrams leave before the sockets close
            context.owner().setTimer(200, id -> media.close().onComplete(stopped));
        })));
        return stopped.future();
    }
}
