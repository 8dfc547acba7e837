package lvsdirector.heartbeat.node;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.SenderIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local node's membership across its lifetimes, without any I/O of its own: each lifetime raises the
 * generation (durably, before its first packet), builds a sender and the resource listener, and runs a
 * {@link Membership}. When a peer we declared dead returns with the same generation, heartbeat restarts
 * itself: {@link #RESTART_DELAY} later the resources are released as in a graceful stop, {@code shutdone}
 * is sent and a new lifetime starts with a higher generation, so that both sides negotiate the resources
 * afresh instead of both keeping them. All calls must come from one thread (the node's loop).
 */
public final class LocalMembership {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMembership.class);
    /** heartbeat's delay between "returning after partition" and its shutdown/restart. */
    public static final Duration RESTART_DELAY = Duration.ofSeconds(2);

    /** Raises and durably stores the generation (heartbeat's {@code hb_generation}). */
    @FunctionalInterface
    public interface Generations {
        long next() throws IOException;
    }

    /** Builds the signed sender of one lifetime. */
    @FunctionalInterface
    public interface Senders {
        MessageSender create(SenderIdentity identity);
    }

    private final MembershipSettings settings;
    private final byte[] uuid;
    private final int ttl;
    private final Generations generations;
    private final Senders senders;
    private final HeartbeatNode.ListenerFactory listeners;
    private final LongSupplier nanoClock;
    private final RandomGenerator random;
    private final Executor loop;
    private Lifetime current;
    private long restartDueNanos = -1;
    private boolean restarting;
    private CompletableFuture<Void> stopAfterRestartRelease;
    private boolean stopped;
    private int restarts;

    /** One run of the membership: what a heartbeat process is between its start and its exit. */
    private record Lifetime(SenderIdentity identity, MessageSender sender, MembershipListener listener, Membership membership) {}

    /**
     * @param loop runs a task later on the calling thread's loop (resource release completes elsewhere)
     */
    public LocalMembership(MembershipSettings settings, byte[] uuid, int ttl, Generations generations, Senders senders,
            HeartbeatNode.ListenerFactory listeners, LongSupplier nanoClock, RandomGenerator random, Executor loop) {
        this.settings = settings;
        this.uuid = uuid.clone();
        this.ttl = ttl;
        this.generations = generations;
        this.senders = senders;
        this.listeners = listeners;
        this.nanoClock = nanoClock;
        this.random = random;
        this.loop = loop;
    }

    /**
     * Starts the first lifetime: generation raised and stored, then {@code status init/up}.
     *
     * @throws IOException when the generation cannot be stored (nothing was sent then)
     */
    public void start() throws IOException {
        long generation = generations.next();
        SenderIdentity identity = new SenderIdentity(settings.localNode(), uuid, generation, ttl);
        LOG.info("info: node {} generation {} ({})", identity.node(), generation, Long.toHexString(generation));
        MessageSender sender = senders.create(identity);
        MembershipListener listener = MembershipListeners.observed(listeners.create(sender), new RestartTrigger());
        Membership membership = new Membership(settings, sender, listener, nanoClock, random);
        current = new Lifetime(identity, sender, listener, membership);
        membership.start();
    }

    /** Handles an authentic message from another configured node. */
    public void receive(Message message) {
        if (!stopped) {
            current.membership().receive(message);
        }
    }

    /** Periodic work of the membership, then of the listener; starts a due restart. */
    public void tick() {
        if (stopped) {
            return;
        }
        current.membership().tick();
        current.listener().tick();
        if (restartDueNanos >= 0 && nanoClock.getAsLong() - restartDueNanos >= 0) {
            restartDueNanos = -1;
            restart();
        }
    }

    /**
     * Leaves the cluster: when {@code graceful}, the listener releases the resources first (statuses keep
     * going out meanwhile), then {@code shutdone} is sent. Completes on the loop.
     */
    public CompletionStage<Void> stop(boolean graceful) {
        restartDueNanos = -1;
        CompletableFuture<Void> left = new CompletableFuture<>();
        if (restarting) {
            // the restart is already releasing everything and sends shutdone; it must just not start again
            stopAfterRestartRelease = left;
            return left;
        }
        Lifetime leaving = current;
        CompletionStage<Void> released = graceful ? leaving.listener().leaving() : CompletableFuture.completedFuture(null);
        released.whenComplete((ok, failure) -> loop.execute(() -> {
            if (graceful) {
                leaving.membership().shutdown();
            }
            stopped = true;
            left.complete(null);
        }));
        return left;
    }

    public SenderIdentity identity() {
        return current.identity();
    }

    public Map<String, NodeStatus> statuses() {
        return current.membership().statuses();
    }

    public NodeStatus localStatus() {
        return current.membership().localStatus();
    }

    /** How many times the membership restarted itself after a partition. */
    public int restarts() {
        return restarts;
    }

    /** heartbeat's shutdown/restart: resources released, {@code shutdone}, new generation, statuses again. */
    private void restart() {
        if (restarting || stopped) {
            return;
        }
        restarting = true;
        Lifetime old = current;
        LOG.info("info: Heartbeat shutdown in progress: giving up the resources and restarting after the partition");
        old.listener().leaving().whenComplete((ok, failure) -> loop.execute(() -> {
            old.membership().shutdown();
            restarting = false;
            if (stopAfterRestartRelease != null) {
                stopped = true;
                stopAfterRestartRelease.complete(null);
                return;
            }
            LOG.info("info: Heartbeat restart triggered.");
            try {
                start();
                restarts++;
            } catch (IOException | RuntimeException e) {
                LOG.error("ERROR: restart after the partition failed, the node stays out of the cluster: {}", e.getMessage());
                stopped = true;
            }
        }));
    }

    /** Sees every event of the current lifetime; schedules the restart after a healed partition. */
    private final class RestartTrigger implements MembershipListener {
        @Override
        public void partitionHealed(String node) {
            if (restartDueNanos < 0 && !restarting) {
                restartDueNanos = nanoClock.getAsLong() + RESTART_DELAY.toNanos();
                LOG.info("info: restarting our membership in {} ms (resources released first), as heartbeat does",
                        RESTART_DELAY.toMillis());
            }
        }
    }
}
