package lvsdirector.check.scheduler;

import io.vertx.core.Promise;
import java.util.List;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;

/**
 * What a check loop hands to the checker's context about one job: the outcome of a probe (null when the
 * job only releases rounds that waited for it: removed, closed, or an off check) and the rounds to complete
 * once the outcome has been delivered.
 */
record Delivery(CheckJob job, CheckOutcome outcome, List<Promise<Void>> waiters) {
    Delivery {
        waiters = List.copyOf(waiters);
    }

    static Delivery release(CheckJob job, List<Promise<Void>> waiters) {
        return new Delivery(job, null, waiters);
    }
}
