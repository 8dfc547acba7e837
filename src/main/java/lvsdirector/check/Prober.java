package lvsdirector.check;

import io.vertx.core.Future;

/**
 * Sends one probe for a spec and reports what happened. Implementations never decide health (that is
 * {@link Epilogue}'s job) and must bound their own run time by the spec's timeout.
 */
@FunctionalInterface
public interface Prober {
    Future<CheckResult> probe(CheckSpec spec);
}
