package lvsdirector.check;

/**
 * Receives every outcome of every job, on the Vert.x context the checker was created on (one thread),
 * so the receiver needs no locks.
 */
@FunctionalInterface
public interface CheckListener {
    void onOutcome(CheckJob job, CheckOutcome outcome);
}
