package lvsdirector.check.scheduler;

import java.net.InetAddress;
import java.time.Duration;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckSpec;
import lvsdirector.support.InetAddrs;

/**
 * Where in its interval a job's probes start. Every job's first probe runs at once (at start-up the director
 * wants all verdicts before it programs the table), so without a shift all jobs of one interval would start
 * in the same millisecond forever (10,000 connects in a burst each second, then nothing). The second probe
 * is therefore delayed by an offset in [0, interval) derived from the job's kind, address and port, which
 * fixes the job's phase from then on: deterministic (a restart keeps the pattern, a test can predict it) and
 * uniform over many jobs.
 */
final class PhaseSpread {
    private PhaseSpread() {}

    /** The one-time extra delay before a job's second probe: the job's phase within its interval. */
    static Duration offset(CheckJob job) {
        long intervalNanos = job.interval().toNanos();
        if (intervalNanos <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (fraction(key(job.spec())) * intervalNanos));
    }

    /**
     * Kind, numeric address and port: stable across runs, unlike the hash codes of enums in a spec or its
     * text (an InetAddress prints its host name once something looked it up).
     */
    static String key(CheckSpec spec) {
        InetAddress address = spec.address();
        return spec.getClass().getSimpleName() + " " + (address == null ? "-" : InetAddrs.numeric(address)) + " "
                + spec.port();
    }

    /** A uniform value in [0, 1); the finalizer of MurmurHash3 spreads keys that differ in one digit. */
    static double fraction(String key) {
        long h = key.hashCode() & 0xffffffffL;
        h ^= h >>> 16;
        h *= 0x85ebca6bL;
        h &= 0xffffffffL;
        h ^= h >>> 13;
        h *= 0xc2b2ae35L;
        h &= 0xffffffffL;
        h ^= h >>> 16;
        return h / (double) (1L << 32);
    }
}
