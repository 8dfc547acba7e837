package lvsdirector.check.scheduler;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Starts probes in batches of {@link #BATCH}, one batch per event-loop task: thousands of jobs due at once
 * (start-up, a reload, a round asked for every job) would otherwise all open their connections in one task
 * and keep the event loop from reading the answers for seconds. The probes are not spread over the interval:
 * every batch follows the previous one at once, so a round still starts every probe within milliseconds.
 * Confined to its check loop.
 */
final class StartQueue {
    static final int BATCH = 200;

    private final Context context;
    private final Consumer<JobState> start;
    private final ArrayDeque<JobState> queued = new ArrayDeque<>();
    private boolean draining;

    StartQueue(Context context, Consumer<JobState> start) {
        this.context = context;
        this.start = start;
    }

    /** Starts the job's probe soon, unless it is queued already; the probe itself decides whether to run. */
    void add(JobState state) {
        if (state.startQueued) {
            return;
        }
        state.startQueued = true;
        queued.add(state);
        if (!draining) {
            draining = true;
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH && !queued.isEmpty(); i++) {
            JobState state = queued.poll();
            state.startQueued = false;
            start.accept(state);
        }
        if (queued.isEmpty()) {
            draining = false;
        } else {
            context.runOnContext(v -> drain());
        }
    }
}
