package lvsdirector.heartbeat.r1;

import java.util.concurrent.Executor;

/**
 * Where the resource manager's slow work (scripts) runs and where its completions come back: work runs
 * one job at a time in submission order, completions run on the manager's thread.
 */
public interface ResourceWork {

    /** Runs {@code job} after every job submitted before, then {@code done} on the manager's thread. */
    void submit(Runnable job, Runnable done);

    /** Work on {@code worker}, completions on {@code loop}. */
    static ResourceWork on(Executor worker, Executor loop) {
        return (job, done) -> worker.execute(() -> {
            try {
                job.run();
            } finally {
                loop.execute(done);
            }
        });
    }
}
