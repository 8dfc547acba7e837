package lvsdirector.director;

import lvsdirector.check.CheckOutcome;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;

/**
 * Watches what the director does, for metrics. Called on the director's context; implementations must
 * return at once and must not throw (a failure is caught and ignored by the director).
 */
public interface DirectorObserver {

    /** The kinds of table round: start-up, an ordinary (periodic or check-triggered) round, reload, stop. */
    enum RoundKind { START, ROUND, RELOAD, STOP }

    /**
     * A check result as applied to one real of one virtual (a job that feeds several reals reports once
     * per real).
     *
     * @param virtualId ldirectord's id of the virtual ("tcp:192.0.2.1:80")
     * @param real      "RIP:port" as configured
     */
    void realChecked(String virtualId, String real, CheckOutcome outcome);

    /** One IPVS operation of a round; {@code error} is null when it succeeded. */
    void ipvsOperation(IpvsOperation operation, IpvsException error);

    /** A table round ended; {@code succeeded} is false when reading or changing the table failed as a whole. */
    void roundFinished(RoundKind kind, boolean succeeded);

    /** Observes nothing. */
    DirectorObserver NONE = new DirectorObserver() {
        @Override
        public void realChecked(String virtualId, String real, CheckOutcome outcome) {}

        @Override
        public void ipvsOperation(IpvsOperation operation, IpvsException error) {}

        @Override
        public void roundFinished(RoundKind kind, boolean succeeded) {}
    };
}
