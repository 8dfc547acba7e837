package lvsdirector.ipvs.sync;

import java.util.Set;

/**
 * What the director knows when it restores: the time, the configured reals (and so virtual services),
 * which of them are down or drained by an operator, and the template keys the kernel already holds.
 */
public record RestoreInputs(long nowMs, Set<RealRef> configuredReals, Set<RealRef> downReals,
                            Set<RealRef> drainedReals, Set<TemplateKey> presentInKernel) {
    public RestoreInputs {
        configuredReals = Set.copyOf(configuredReals);
        downReals = Set.copyOf(downReals);
        drainedReals = Set.copyOf(drainedReals);
        presentInKernel = Set.copyOf(presentInKernel);
    }
}
