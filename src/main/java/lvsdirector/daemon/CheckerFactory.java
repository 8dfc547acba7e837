package lvsdirector.daemon;

import io.vertx.core.Context;
import lvsdirector.check.CheckListener;
import lvsdirector.check.HealthChecker;
import lvsdirector.check.external.ExternalRunAs;

/** Creates the health checker on the director's context. */
@FunctionalInterface
public interface CheckerFactory {
    HealthChecker create(Context context, CheckListener listener);

    /**
     * The checker whose external commands start through {@code externalRunAs} (lvs-director.conf's
     * external_check_user); factories that never run external commands (tests) need not override this.
     */
    default HealthChecker create(Context context, CheckListener listener, ExternalRunAs externalRunAs) {
        return create(context, listener);
    }
}
