package lvsdirector.heartbeat.node;

import java.util.TreeMap;

/** What we know about one other node. Mutable; owned by {@link Membership} on its event loop. */
final class Peer {
    final String name;
    final int ackTrigger;
    final SequenceTracker sequence = new SequenceTracker();
    /** Missing sequence number → when to ask for it (next). */
    final TreeMap<Long, Long> rexmitDue = new TreeMap<>();
    NodeStatus status = NodeStatus.INIT;
    boolean heard;
    /**
     * A new generation was seen and no status of it yet: the DEAD status we hold is from before the restart,
     * so its next status is a restart's, not a return after partition (its first packet need not be a status).
     */
    boolean restartPending;
    boolean usesProtocol;
    long generation = -1;
    /** seq of the last status accepted (a stale one from a node we declared dead is dropped). */
    long lastStatusSeq;
    long lastStatusNanos;
    long deadtimeMillis;

    Peer(String name, int ackTrigger) {
        this.name = name;
        this.ackTrigger = ackTrigger;
    }

    boolean alive() {
        return heard && status != NodeStatus.DEAD;
    }
}
