package lvsdirector.heartbeat.node;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The sequence numbers received from one sender generation, as heartbeat tracks them: the next in order
 * is accepted, a larger one is accepted and the skipped ones become gaps, a smaller one is accepted
 * exactly once if it fills a gap (heartbeat itself sends out of order) and is a duplicate otherwise.
 */
public final class SequenceTracker {
    /** A jump larger than this resets the tracking ("lost a lot of packets"). */
    public static final int MAX_GAP = 250;

    public enum Verdict {
        /** The first sequence number seen, or last + 1. */
        IN_ORDER,
        /** Accepted; the numbers between the last one and this one are now missing. */
        AHEAD,
        /** Accepted; it was missing. */
        GAP_FILLED,
        /** Accepted after a jump over more than {@link #MAX_GAP} numbers; gaps forgotten. */
        RESET,
        /** Already seen: drop. */
        DUPLICATE
    }

    private long last;
    private final TreeSet<Long> missing = new TreeSet<>();

    public Verdict accept(long seq) {
        if (last == 0 || seq == last + 1) {
            boolean first = last == 0;
            last = seq;
            return first || missing.isEmpty() ? Verdict.IN_ORDER : Verdict.AHEAD;
        }
        if (seq > last) {
            if (seq - last > MAX_GAP) {
                reset();
                last = seq;
                return Verdict.RESET;
            }
            for (long s = last + 1; s < seq; s++) {
                missing.add(s);
            }
            last = seq;
            return Verdict.AHEAD;
        }
        return missing.remove(seq) ? Verdict.GAP_FILLED : Verdict.DUPLICATE;
    }

    /** A sequence number the sender cannot retransmit any more: stop waiting for it. */
    public boolean forget(long seq) {
        return missing.remove(seq);
    }

    public NavigableSet<Long> missing() {
        return Collections.unmodifiableNavigableSet(missing);
    }

    public long last() {
        return last;
    }

    public void reset() {
        last = 0;
        missing.clear();
    }
}
