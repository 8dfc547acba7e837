package lvsdirector.daemon;

import io.vertx.core.Context;
import lvsdirector.check.CheckListener;
import lvsdirector.check.HealthChecker;

/** Creates the health checker on the director's context. */
@FunctionalInterface
public interface CheckerFactory {
    HealthChecker create(Context context, CheckListener listener);
}
