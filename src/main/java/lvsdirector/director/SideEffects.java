package lvsdirector.director;

import io.vertx.core.Future;
import lvsdirector.check.CheckOutcome;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;

/**
 * What the director's decisions set off besides the IPVS table: e-mail alerts, the monitor file, the
 * fallback command. Called on the director's context; implementations must return at once and do their
 * blocking work elsewhere, each piece with a timeout.
 */
public interface SideEffects {

    /** A real/fallback/virtual change that was applied (or attempted) and logged. */
    void tableChanged(DirectorEvent event, Globals globals, DaemonStatus status);

    /** The fallback server of a virtual went into (active) or out of service. */
    void fallbackChanged(VirtualConfig virtual, Globals globals, boolean active);

    /** A check result of a real of a virtual (for its monitor file). */
    void checkResult(VirtualConfig virtual, RealConfig real, CheckOutcome outcome);

    /** Called once per director round: resend due "Inaccessible real server" alerts. */
    void tick(Globals globals, DaemonStatus status);

    /** A reload discards reminder timers, as ldirectord does. */
    void reset();

    /** Waits (bounded) for work already started. */
    Future<Void> close();

    /** No side effects at all. */
    SideEffects NONE = new SideEffects() {
        @Override
        public void tableChanged(DirectorEvent event, Globals globals, DaemonStatus status) {}

        @Override
        public void fallbackChanged(VirtualConfig virtual, Globals globals, boolean active) {}

        @Override
        public void checkResult(VirtualConfig virtual, RealConfig real, CheckOutcome outcome) {}

        @Override
        public void tick(Globals globals, DaemonStatus status) {}

        @Override
        public void reset() {}

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    };
}
