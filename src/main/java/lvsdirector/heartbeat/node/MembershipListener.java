package lvsdirector.heartbeat.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import lvsdirector.heartbeat.wire.Message;

/**
 * Events of the membership layer, called on the node's event loop. The resource layer (haresources
 * takeover) is built on these; every method has an empty default.
 */
public interface MembershipListener {

    /** A peer's status changed (heard for the first time, init to up to active, or declared dead). */
    default void statusChanged(String node, NodeStatus from, NodeStatus to) {}

    /** A peer that was dead (or never heard) sent its first status. */
    default void nodeUp(String node) {}

    /** A peer was declared dead: no status for its advertised dead time. */
    default void nodeDead(String node) {}

    /**
     * A peer's status arrived later than warntime after its previous one (but it was still alive).
     *
     * @param pastDeadtime the interval even exceeded the peer's dead time
     */
    default void lateHeartbeat(String node, long intervalMillis, boolean pastDeadtime) {}

    /** A peer restarted: a status with a higher generation than the one we knew. */
    default void nodeRestarted(String node, long oldGeneration, long newGeneration) {}

    /**
     * A peer we had declared dead sent a status of the same generation: it never restarted, we were
     * partitioned. The node answers as heartbeat does, with a shutdown and restart of its own membership.
     */
    default void partitionHealed(String node) {}

    /** Our own status changed (init, up, active). */
    default void localStatusChanged(NodeStatus status) {}

    /**
     * An authentic, in-sequence, not duplicated message addressed to us (or to everybody) whose type the
     * membership layer does not handle itself, e.g. {@code starting}, {@code resource}, {@code shutdone}.
     */
    default void message(String fromNode, Message message) {}

    /**
     * An authentic, in-sequence message that another node addressed to a third node or to itself (its
     * {@code dest} is not us). heartbeat drops such a message; a listener may only observe it (e.g. log what
     * the other node does), never act on it.
     */
    default void overheard(String fromNode, Message message) {}

    /** Called on every tick of the node (about every 100 ms), after the membership's own work. */
    default void tick() {}

    /**
     * A graceful stop begins; {@code shutdone} is sent when the returned stage completes (the node keeps
     * sending its statuses meanwhile), e.g. after the resources were released.
     */
    default CompletionStage<Void> leaving() {
        return CompletableFuture.completedFuture(null);
    }
}
