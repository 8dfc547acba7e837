package lvsdirector.metrics;

import java.util.Arrays;

/**
 * The check durations and failure reasons of one real of one virtual, as plain counters: a fixed-bucket
 * histogram per result, a two-minute maximum and a count per failure reason. At 10,000 reals Micrometer's
 * timers (time-window histogram rings and max rings per real and result) were most of the director's live
 * heap; these cost a few hundred bytes per real and allocate nothing per check. Recorded on the director's
 * thread, read at a scrape: every access holds the object's lock (never contended for long).
 */
final class RealCheckStats {
    /** Upper bounds of the buckets, in nanoseconds: 1, 5, 10, 25, 50, 100, 250, 500 ms, 1, 2.5, 5, 10 s. */
    static final long[] BOUNDS_NANOS = {
        1_000_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L,
        500_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L
    };
    /** The maximum covers the current and the previous window of this length, as Micrometer's did (about 2 min). */
    static final long MAX_WINDOW_MILLIS = 60_000;

    private final Durations successes = new Durations();
    private final Durations failures = new Durations();
    private String[] reasons = new String[0];
    private long[] reasonCounts = new long[0];

    synchronized void record(boolean success, long nanos, long nowMillis) {
        (success ? successes : failures).record(Math.max(0, nanos), nowMillis);
    }

    synchronized void failed(String reason) {
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i].equals(reason)) {
                reasonCounts[i]++;
                return;
            }
        }
        reasons = Arrays.copyOf(reasons, reasons.length + 1);
        reasonCounts = Arrays.copyOf(reasonCounts, reasons.length);
        reasons[reasons.length - 1] = reason;
        reasonCounts[reasons.length - 1] = 1;
    }

    /** A copy of one result's histogram, taken under the lock, for the exposition. */
    synchronized Histogram histogram(boolean success, long nowMillis) {
        return (success ? successes : failures).copy(nowMillis);
    }

    /** Each failure reason seen and its count, in the order first seen. */
    synchronized Reasons reasons() {
        return new Reasons(reasons.clone(), reasonCounts.clone());
    }

    record Reasons(String[] names, long[] counts) {}

    /**
     * One result's histogram: {@code buckets[i]} counts durations within {@code BOUNDS_NANOS[i]} (not
     * cumulative); {@code count == 0} when that result was never recorded.
     */
    record Histogram(long[] buckets, long count, long sumNanos, long maxNanos) {
        long cumulative(int bucket) {
            long total = 0;
            for (int i = 0; i <= bucket; i++) {
                total += buckets[i];
            }
            return total;
        }
    }

    private static final class Durations {
        private final long[] buckets = new long[BOUNDS_NANOS.length];
        private long count;
        private long sumNanos;
        private long window = Long.MIN_VALUE;
        private long maxThisWindow;
        private long maxPreviousWindow;

        void record(long nanos, long nowMillis) {
            count++;
            sumNanos += nanos;
            for (int i = 0; i < BOUNDS_NANOS.length; i++) {
                if (nanos <= BOUNDS_NANOS[i]) {
                    buckets[i]++;
                    break;
                }
            }
            rotate(nowMillis);
            maxThisWindow = Math.max(maxThisWindow, nanos);
        }

        Histogram copy(long nowMillis) {
            rotate(nowMillis);
            return new Histogram(buckets.clone(), count, sumNanos, Math.max(maxThisWindow, maxPreviousWindow));
        }

        private void rotate(long nowMillis) {
            long current = Math.floorDiv(nowMillis, MAX_WINDOW_MILLIS);
            if (current != window) {
                maxPreviousWindow = current == window + 1 ? maxThisWindow : 0;
                maxThisWindow = 0;
                window = current;
            }
        }
    }
}
