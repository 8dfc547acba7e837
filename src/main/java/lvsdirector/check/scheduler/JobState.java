package lvsdirector.check.scheduler;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CombinedCycle;
import lvsdirector.check.Health;

/** What the scheduler knows about one job. Mutable, confined to the job's check loop. */
final class JobState {
    final CheckJob job;
    Health health;
    int failures;
    CombinedCycle cycle = CombinedCycle.START;
    boolean running;
    boolean removed;
    long startedAtNanos;
    /** When the scheduler gives up on the probe in flight (its timeout plus slack); 0: never. */
    long guardDeadlineNanos;
    /** Counts probes, so the answer of a probe the guard already gave up on is told from the current one. */
    long probeSeq;
    /** Waiting in the {@link StartQueue}. */
    boolean startQueued;
    /** The next probe's timer on the loop; null while none is set. */
    ScheduledFuture<?> timer;
    /** When the next probe is due (for migrating a schedule); 0 while a probe runs or before the first. */
    long nextDueNanos;
    /** Rounds waiting for the probe in flight. */
    final List<Promise<Void>> waiters = new ArrayList<>();

    JobState(CheckJob job, Health health) {
        this.job = job;
        this.health = health;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The waiting rounds, taken away (to be completed once the outcome is delivered). */
    List<Promise<Void>> takeWaiters() {
        if (waiters.isEmpty()) {
            return List.of();
        }
        List<Promise<Void>> taken = new ArrayList<>(waiters);
        waiters.clear();
        return taken;
    }
}
