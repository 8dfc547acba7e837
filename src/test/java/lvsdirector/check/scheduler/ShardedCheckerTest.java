package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.Health;
import lvsdirector.check.OnContext;
import lvsdirector.check.scheduler.FakeProber.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checker on three loops: where probes run, where outcomes arrive, and rounds across loops. */
@Timeout(30)
class ShardedCheckerTest {
    private static final int LOOPS = 3;
    private static final Duration HOUR = Duration.ofHours(1);

    private record Delivered(CheckJob job, CheckOutcome outcome, String thread) {}

    private Vertx vertx;
    private Context context;
    private String contextThread;
    private FakeProber prober;
    private VertxHealthChecker checker;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS + 1));
        context = vertx.getOrCreateContext();
        contextThread = OnContext.call(context, () -> Thread.currentThread().getName());
        prober = new FakeProber(vertx);
        checker = OnContext.call(context, () -> new VertxHealthChecker(vertx, context,
                (job, outcome) -> delivered.add(new Delivered(job, outcome, Thread.currentThread().getName())),
                prober, () -> new ReverseNames(vertx), false, Duration.ofMillis(200), LOOPS));
    }

    @AfterEach
    void stop() {
        OnContext.run(context, checker::close);
        vertx.close().await();
    }

    private static CheckJob job(int i) throws UnknownHostException {
        InetAddress real = InetAddress.getByAddress(new byte[] {127, 10, 0, (byte) (i + 1)});
        return new CheckJob(new ConnectCheck(real, 8080, Duration.ofMillis(300)), HOUR, 1, null);
    }

    private Map<CheckJob, Health> jobs(int count) throws UnknownHostException {
        Map<CheckJob, Health> jobs = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            jobs.put(job(i), Health.DOWN);
        }
        return jobs;
    }

    /** The round joins the first probes of the new jobs (in flight, queued or just done): one probe each. */
    private void setJobsAndRunRound(Map<CheckJob, Health> jobs) {
        OnContext.await(context, () -> {
            checker.setJobs(jobs);
            return checker.runRound();
        });
    }

    @Test
    void eachJobIsProbedOnTheLoopOfItsKeyAndTheLoopsAreNotTheDirectors() throws UnknownHostException {
        Map<CheckJob, Health> jobs = jobs(60);
        setJobsAndRunRound(jobs);
        OnContext.await(context, checker::runRound);

        assertThat(checker.loops()).isEqualTo(LOOPS);
        Map<Integer, Set<String>> threadsByShard = new HashMap<>();
        for (CheckJob job : jobs.keySet()) {
            Set<String> threads = new HashSet<>();
            prober.probes.stream().filter(p -> p.spec().equals(job.spec())).forEach(p -> threads.add(p.thread()));
            assertThat(threads).as("every probe of one job on one loop").hasSize(1);
            threadsByShard.computeIfAbsent(ShardKey.of(job.spec(), LOOPS), k -> new HashSet<>()).addAll(threads);
        }
        Set<String> all = new HashSet<>();
        threadsByShard.values().forEach(threads -> {
            assertThat(threads).as("one loop per shard").hasSize(1);
            all.addAll(threads);
        });
        assertThat(all).hasSize(LOOPS).doesNotContain(contextThread);
    }

    @Test
    void outcomesOfEveryLoopArriveOnTheCheckersContextBeforeTheRoundCompletes() throws UnknownHostException {
        Map<CheckJob, Health> jobs = jobs(60);
        CheckJob failing = job(5);
        prober.answer(failing.spec(), Answer.DOWN);
        setJobsAndRunRound(jobs);

        // one outcome per job, delivered by the time the round completes, on the checker's context
        assertThat(prober.probes).hasSize(jobs.size());
        assertThat(delivered).hasSize(jobs.size()).allMatch(d -> d.thread().equals(contextThread));
        assertThat(delivered.stream().map(Delivered::job).distinct()).hasSize(jobs.size());
        for (CheckJob job : jobs.keySet()) {
            Health expected = job.equals(failing) ? Health.DOWN : Health.UP;
            assertThat(OnContext.call(context, () -> checker.health(job))).isEqualTo(expected);
        }
    }

    @Test
    void removedJobsOnEveryLoopStopAndTheirHealthIsForgotten() throws UnknownHostException {
        setJobsAndRunRound(jobs(30));
        setJobsAndRunRound(jobs(1));

        assertThat(prober.count(job(0).spec())).as("kept: its first probe and the second round's").isEqualTo(2);
        for (int i = 1; i < 30; i++) {
            CheckJob gone = job(i);
            assertThat(prober.count(gone.spec())).as("no probe after removal").isEqualTo(1);
            assertThat(OnContext.call(context, () -> checker.health(gone))).isNull();
        }
    }

    @Test
    void onTheHomeLoopTheProbesShareTheDirectorsLoopAndOutcomesStillArrive() throws UnknownHostException {
        List<Delivered> home = new CopyOnWriteArrayList<>();
        VertxHealthChecker onHome = OnContext.call(context, () -> new VertxHealthChecker(vertx, context,
                (job, outcome) -> home.add(new Delivered(job, outcome, Thread.currentThread().getName())),
                prober, () -> new ReverseNames(vertx), false, Duration.ofMillis(200), CheckLoops.HOME));
        try {
            Map<CheckJob, Health> jobs = jobs(20);
            CheckJob failing = job(3);
            prober.answer(failing.spec(), Answer.DOWN);
            OnContext.await(context, () -> {
                onHome.setJobs(jobs);
                return onHome.runRound();
            });

            assertThat(onHome.loops()).isEqualTo(1);
            assertThat(prober.probes).hasSize(jobs.size()).allMatch(p -> p.thread().equals(contextThread));
            assertThat(home).hasSize(jobs.size()).allMatch(d -> d.thread().equals(contextThread));
            assertThat(OnContext.call(context, () -> onHome.health(failing))).isEqualTo(Health.DOWN);
            CheckJob healthy = job(4);
            assertThat(OnContext.call(context, () -> onHome.health(healthy))).isEqualTo(Health.UP);
        } finally {
            OnContext.run(context, onHome::close);
        }
    }
}
