package lvsdirector.director;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.vertx.core.Future;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckListener;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.Health;
import lvsdirector.check.HealthChecker;

/** A HealthChecker driven by the test: records the jobs it is given and answers the start round from a script. */
final class ScriptedChecker implements HealthChecker {
    volatile CheckListener listener;
    volatile Function<CheckJob, CheckOutcome> firstRound = job -> null;
    final List<Map<CheckJob, Health>> setJobsCalls = new CopyOnWriteArrayList<>();
    private volatile Map<CheckJob, Health> jobs = Map.of();

    @Override
    public void setJobs(Map<CheckJob, Health> jobsWithInitialHealth) {
        jobs = new LinkedHashMap<>(jobsWithInitialHealth);
        setJobsCalls.add(Map.copyOf(jobsWithInitialHealth));
    }

    @Override
    public Health health(CheckJob job) {
        return jobs.get(job);
    }

    @Override
    public Future<Void> runRound() {
        for (CheckJob job : jobs.keySet()) {
            CheckOutcome outcome = firstRound.apply(job);
            if (outcome != null) {
                listener.onOutcome(job, outcome);
            }
        }
        return Future.succeededFuture();
    }

    Map<CheckJob, Health> jobs() {
        return jobs;
    }

    @Override
    public void close() {}
}
