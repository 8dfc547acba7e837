package lvsdirector.director;

import java.util.List;
import java.util.function.Function;

import io.vertx.core.Future;
import lvsdirector.check.Health;
import lvsdirector.config.Globals;
import lvsdirector.director.Reconciler.Mode;

/**
 * A hot-standby director's dry run of its activation: the same START round {@link Director#activate} runs (desired
 * table, table read, reconciler plan with its log texts, the backend's requests), applying, logging and remembering
 * nothing. Done once in standby, it makes the takeover run code that is already loaded and linked: in a one-CPU
 * machine the first activation of a JVM took ~1.5 s under load, a second one ~60 ms, almost all of the difference
 * class loading and first-call linkage.
 *
 * <p>Two plans are rehearsed: one from the health known now (what an activation would do at this moment) and one
 * with every real up, so that adding real servers is rehearsed even while they are all down.
 */
final class ActivationRehearsal {
    private final IpvsWorker worker;

    ActivationRehearsal(IpvsWorker worker) {
        this.worker = worker;
    }

    /**
     * Runs both dry rounds, one after the other, on the worker.
     *
     * @return the number of operations an activation would apply with the current health
     */
    Future<Integer> run(List<VirtualLayout> layouts, Globals globals, Function<RealKey, Health> health,
                        OperatorOverrides overrides) {
        DesiredTable now = DesiredTable.compute(layouts, globals, health, overrides);
        DesiredTable allUp = DesiredTable.compute(layouts, globals, real -> Health.UP, overrides);
        return dryRound(now, globals).compose(planned -> dryRound(allUp, globals).map(ignored -> planned));
    }

    private Future<Integer> dryRound(DesiredTable desired, Globals globals) {
        return worker.rehearse(Reconciler.planner(Mode.START, globals.readdQuiescent(), desired, List.of()))
                .map(List::size);
    }
}
