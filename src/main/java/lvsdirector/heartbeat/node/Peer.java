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
