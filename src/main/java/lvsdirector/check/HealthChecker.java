package lvsdirector.check;

import io.vertx.core.Future;
import java.util.Map;

/**
 * Runs check jobs concurrently on Vert.x, each at its interval, and reports outcomes to a listener.
 * Must be called on the context it was created on.
 */
public interface HealthChecker extends AutoCloseable {

    /**
     * Replaces the set of jobs. A job equal to a running one keeps its state and schedule (migrate); a new
     * job starts with the given initial health and is probed at once; jobs not in the map stop.
     */
    void setJobs(Map<CheckJob, Health> jobsWithInitialHealth);

    /** Current health of a job, or null when the job is unknown. */
    Health health(CheckJob job);

    /** Probes every job once now (start-up's synchronous round); completes when all outcomes were delivered. */
    Future<Void> runRound();

    @Override
    void close();
}
