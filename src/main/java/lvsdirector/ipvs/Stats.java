package lvsdirector.ipvs;

/** 64-bit traffic counters and rate estimates of a service or destination (IPVS_STATS_ATTR_*). */
public record Stats(long conns, long inPackets, long outPackets, long inBytes, long outBytes,
                    long cps, long inPps, long outPps, long inBps, long outBps) {
    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
