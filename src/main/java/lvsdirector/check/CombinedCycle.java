package lvsdirector.check;

/**
 * Which half of a {@link CombinedCheck} runs next: a negotiate first, then {@code connectsPerNegotiate}
 * connects after every successful negotiate; a failed connect (or negotiate) makes the next probe a
 * negotiate. Immutable; the scheduler keeps the current value per job.
 *
 * @param connectsLeft connect probes still due before the next negotiate
 */
public record CombinedCycle(int connectsLeft) {
    /** State after a (re)load: negotiate first. */
    public static final CombinedCycle START = new CombinedCycle(0);

    public CheckSpec next(CombinedCheck check) {
        return connectsLeft > 0 ? check.connect() : check.negotiate();
    }

    /** The state after a probe chosen by {@link #next} completed. */
    public CombinedCycle after(CombinedCheck check, boolean success) {
        if (!success) {
            return START;
        }
        boolean wasNegotiate = connectsLeft == 0;
        return new CombinedCycle(wasNegotiate ? check.connectsPerNegotiate() : connectsLeft - 1);
    }
}
