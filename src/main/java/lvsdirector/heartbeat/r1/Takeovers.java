package lvsdirector.heartbeat.r1;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many times this node acquired groups another node had, by kind; counted on the loop, read from any thread. */
public final class Takeovers {
    /** Groups acquired because the peer died (or left with shutdone). */
    public static final String PEER_DOWN = "peer_down";
    /** Our own (local) groups handed back by the peer: auto_failback on, or hb_takeover local. */
    public static final String FAILBACK = "failback";
    /** Groups the peer handed over on request (hb_standby / hb_takeover foreign or all). */
    public static final String STANDBY = "standby";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** The counts so far, by kind; kinds never seen are absent. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((kind, n) -> copy.put(kind, n.sum()));
        return copy;
    }
}
