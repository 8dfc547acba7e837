package lvsdirector.check;

/**
 * What to check and how: one record per ldirectord check type / service. Record equality is the
 * "compare" of compare-and-migrate: two equal specs are the same check (a real in two virtuals with
 * identical settings is probed once; on reload an equal spec keeps its state).
 *
 * <p>Implementations are added in this package (connect, http/https, on, off, combined, ...).
 */
public interface CheckSpec {

    /** The address probed, for logs and maintenance-file lookups. */
    java.net.InetAddress address();

    /** The port probed (0 when the check uses none). */
    int port();

    /**
     * The longest one probe may take; the scheduler fails a probe that overruns it (plus a little slack)
     * even if the protocol code forgot its own timeout. ZERO for checks that send nothing.
     */
    default java.time.Duration timeout() {
        return java.time.Duration.ZERO;
    }
}
