package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.CombinedCheck;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.Health;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.scheduler.FakeProber.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VertxHealthCheckerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration HOUR = Duration.ofHours(1);

    private record Delivered(CheckJob job, CheckOutcome outcome, boolean onContext) {}

    private Vertx vertx;
    private Context context;
    private FakeProber prober;
    private VertxHealthChecker checker;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        prober = new FakeProber(vertx);
        checker = OnContext.call(context, () -> new VertxHealthChecker(vertx, context,
                (job, outcome) -> delivered.add(new Delivered(job, outcome, Vertx.currentContext() == context)),
                prober, () -> new ReverseNames(vertx), false, Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        OnContext.run(context, checker::close);
        vertx.close().await();
    }

    static ConnectCheck spec(int port) {
        return new ConnectCheck(LOOPBACK, port, Duration.ofMillis(300));
    }

    static CheckJob job(int port, Duration interval, int failureCount) {
        return new CheckJob(spec(port), interval, failureCount, null);
    }

    private void setJobs(Map<CheckJob, Health> jobs) {
        OnContext.run(context, () -> checker.setJobs(jobs));
    }

    private List<CheckOutcome> outcomes(CheckJob job) {
        return delivered.stream().filter(d -> d.job().equals(job)).map(Delivered::outcome).toList();
    }

    private Health health(CheckJob job) {
        return OnContext.call(context, () -> checker.health(job));
    }

    @Test
    void newJobIsProbedAtOnceThenAtItsInterval() {
        CheckJob job = job(1, Duration.ofMillis(200), 1);
        long start = System.nanoTime();
        setJobs(Map.of(job, Health.DOWN));

        await().atMost(Duration.ofSeconds(2)).until(() -> prober.count(spec(1)) >= 1);
        assertThat(Duration.ofNanos(prober.starts(spec(1)).get(0) - start)).isLessThan(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(3)).until(() -> prober.count(spec(1)) >= 5);
        List<Long> starts = prober.starts(spec(1));
        for (int i = 1; i < 5; i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isBetween(Duration.ofMillis(180),
                    Duration.ofMillis(600));
        }
        // probes start on a check loop, outcomes are delivered later on the checker's context: wait for the first
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(outcomes(job)).first().extracting(CheckOutcome::transition).isEqualTo(Transition.WENT_UP));
        assertThat(delivered).allMatch(Delivered::onContext);
    }

    @Test
    void startsAreFixedRateSoProbeDurationDoesNotStretchThePeriod() {
        prober.delay(spec(1), Duration.ofMillis(150));
        setJobs(Map.of(job(1, Duration.ofMillis(300), 1), Health.UP));

        await().atMost(Duration.ofSeconds(5)).until(() -> prober.count(spec(1)) >= 5);
        List<Long> starts = prober.starts(spec(1));
        Duration average = Duration.ofNanos((starts.get(4) - starts.get(0)) / 4);
        // probe 150 ms + interval 300 ms would average 450 ms if the period stretched
        assertThat(average).isBetween(Duration.ofMillis(280), Duration.ofMillis(420));
    }

    @Test
    void slowProbeIsNeverOverlappedAndNextStartsRightAfterIt() {
        prober.delay(spec(1), Duration.ofMillis(300));
        setJobs(Map.of(job(1, Duration.ofMillis(50), 1), Health.UP));

        await().atMost(Duration.ofSeconds(5)).until(() -> prober.count(spec(1)) >= 4);
        assertThat(prober.maxConcurrentPerSpec.get()).isEqualTo(1);
        List<Long> starts = prober.starts(spec(1));
        assertThat(Duration.ofNanos(starts.get(3) - starts.get(2))).isBetween(Duration.ofMillis(290),
                Duration.ofMillis(700));
    }

    @Test
    void oneSlowServerDoesNotDelayAnother() {
        ConnectCheck slow = new ConnectCheck(LOOPBACK, 1, Duration.ofSeconds(5));
        prober.delay(slow, Duration.ofSeconds(2));
        setJobs(Map.of(new CheckJob(slow, Duration.ofMillis(100), 1, null), Health.UP,
                job(2, Duration.ofMillis(100), 1), Health.UP));

        await().atMost(Duration.ofMillis(1500)).until(() -> prober.count(spec(2)) >= 6);
        assertThat(prober.count(slow)).isEqualTo(1);
    }

    @Test
    void failuresCountUpToFailureCountThenTheServerGoesDown() {
        CheckJob job = job(1, Duration.ofMillis(50), 3);
        prober.answer(spec(1), Answer.DOWN);
        setJobs(Map.of(job, Health.UP));

        await().atMost(Duration.ofSeconds(3)).until(() -> outcomes(job).size() >= 5);
        assertThat(outcomes(job).subList(0, 5)).extracting(CheckOutcome::transition).containsExactly(
                Transition.SOFT_FAILURE, Transition.SOFT_FAILURE, Transition.WENT_DOWN, Transition.NONE, Transition.NONE);
        assertThat(outcomes(job).get(1).failures()).isEqualTo(2);
        assertThat(health(job)).isEqualTo(Health.DOWN);

        prober.answer(spec(1), Answer.UP);
        await().atMost(Duration.ofSeconds(3)).until(() -> health(job) == Health.UP);
        List<Transition> transitions = outcomes(job).stream().map(CheckOutcome::transition).toList();
        int upAt = transitions.indexOf(Transition.WENT_UP);
        assertThat(outcomes(job).get(upAt).failures()).as("the count the recovery reset").isEqualTo(3);

        // the counter really was reset: the first failure after recovery is soft again
        prober.answer(spec(1), Answer.DOWN);
        await().atMost(Duration.ofSeconds(3)).until(() -> outcomes(job).size() > upAt + 1
                && outcomes(job).subList(upAt + 1, outcomes(job).size()).stream()
                        .anyMatch(o -> o.transition() == Transition.SOFT_FAILURE));
        CheckOutcome firstFailure = outcomes(job).subList(upAt + 1, outcomes(job).size()).stream()
                .filter(o -> !o.result().success()).findFirst().orElseThrow();
        assertThat(firstFailure.transition()).isEqualTo(Transition.SOFT_FAILURE);
        assertThat(firstFailure.failures()).isEqualTo(1);
    }

    @Test
    void aProberThatThrowsCountsAsFailureAndTheScheduleGoesOn() {
        CheckJob job = job(1, Duration.ofMillis(50), 1);
        prober.answer(spec(1), Answer.THROW);
        setJobs(Map.of(job, Health.UP));

        await().atMost(Duration.ofSeconds(3)).until(() -> outcomes(job).size() >= 3);
        CheckOutcome first = outcomes(job).get(0);
        assertThat(first.transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(first.result().reason()).isEqualTo(FailureReason.ERROR);
        assertThat(first.result().message()).contains("prober bug");
    }

    @Test
    void aProbeThatNeverAnswersFailsAfterItsTimeout() {
        CheckJob job = job(1, HOUR, 1);
        prober.answer(spec(1), Answer.HANG);
        long start = System.nanoTime();
        setJobs(Map.of(job, Health.UP));

        await().atMost(Duration.ofSeconds(3)).until(() -> !outcomes(job).isEmpty());
        // spec timeout 300 ms + the test's guard slack of 200 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(outcomes(job).get(0).result().message()).isEqualTo("500 Timeout Alarm");
        assertThat(health(job)).isEqualTo(Health.DOWN);
    }

    @Test
    void runRoundProbesEveryJobOnceAndJoinsProbesInFlight() {
        Map<CheckJob, Health> jobs = new LinkedHashMap<>();
        for (int port = 1; port <= 3; port++) {
            jobs.put(job(port, HOUR, 1), Health.DOWN);
            prober.delay(spec(port), Duration.ofMillis(200));
        }
        setJobs(jobs);
        // the first probes are in flight: the round waits for them instead of starting others
        OnContext.await(context, checker::runRound);
        assertThat(delivered).hasSize(3);
        assertThat(prober.probes).hasSize(3);

        OnContext.await(context, checker::runRound);
        assertThat(delivered).hasSize(6);
        assertThat(prober.maxConcurrentPerSpec.get()).isEqualTo(1);
        for (CheckJob job : jobs.keySet()) {
            assertThat(health(job)).isEqualTo(Health.UP);
        }
    }

    @Test
    void equalJobsKeepTheirStateAcrossSetJobs() {
        CheckJob job = job(1, HOUR, 1);
        prober.answer(spec(1), Answer.DOWN);
        setJobs(Map.of(job, Health.UP));
        await().atMost(Duration.ofSeconds(2)).until(() -> health(job) == Health.DOWN);

        CheckJob other = job(2, HOUR, 1);
        setJobs(Map.of(job(1, HOUR, 1), Health.UP, other, Health.UP));
        await().atMost(Duration.ofSeconds(2)).until(() -> prober.count(spec(2)) == 1);

        assertThat(health(job)).isEqualTo(Health.DOWN);
        assertThat(prober.count(spec(1))).as("no re-probe of a migrated job").isEqualTo(1);
    }

    @Test
    void sameSpecWithNewSettingsCarriesTheHealthOver() {
        prober.answer(spec(1), Answer.DOWN);
        CheckJob before = job(1, HOUR, 1);
        setJobs(Map.of(before, Health.UP));
        await().atMost(Duration.ofSeconds(2)).until(() -> health(before) == Health.DOWN);

        CheckJob after = job(1, Duration.ofMinutes(30), 2);
        setJobs(Map.of(after, Health.UP));
        assertThat(health(before)).isNull();
        assertThat(health(after)).isEqualTo(Health.DOWN);
        assertThat(prober.count(spec(1))).isEqualTo(1);
    }

    @Test
    void removedJobsStopAndDeliverNothingMore() throws InterruptedException {
        CheckJob job = job(1, Duration.ofMillis(50), 1);
        setJobs(Map.of(job, Health.UP));
        await().atMost(Duration.ofSeconds(2)).until(() -> prober.count(spec(1)) >= 2);

        setJobs(Map.of());
        long probes = prober.count(spec(1));
        int outcomes = outcomes(job).size();
        Thread.sleep(300);
        assertThat(prober.count(spec(1))).isLessThanOrEqualTo(probes + 1);
        assertThat(outcomes(job).size()).isLessThanOrEqualTo(outcomes + 1);
        assertThat(health(job)).isNull();
    }

    @Test
    void combinedChecksAlternateAsConfigured() {
        ConnectCheck connect = spec(7);
        HttpCheck negotiate = new HttpCheck(LOOPBACK, 7, "http://127.0.0.1:7/", null, HttpCheck.Method.GET, "",
                Duration.ofMillis(300), false);
        CheckJob job = new CheckJob(new CombinedCheck(negotiate, connect, 2), Duration.ofMillis(30), 1, null);
        setJobs(Map.of(job, Health.UP));

        await().atMost(Duration.ofSeconds(3)).until(() -> prober.probes.size() >= 7);
        List<String> kinds = new ArrayList<>();
        // a copy: probes go on being added while the first seven are read
        new ArrayList<>(prober.probes).subList(0, 7).forEach(p -> kinds.add(p.spec() == negotiate ? "n" : "c"));
        assertThat(String.join("", kinds)).isEqualTo("nccnccn");
    }

    @Test
    void callsFromOtherThreadsAreMovedOntoTheContext() {
        CheckJob job = job(1, HOUR, 1);
        checker.setJobs(Map.of(job, Health.DOWN));
        checker.runRound().await();
        assertThat(delivered).isNotEmpty().allMatch(Delivered::onContext);
        assertThat(health(job)).isEqualTo(Health.UP);
        assertThatThrownBy(() -> checker.health(job)).isInstanceOf(IllegalStateException.class);
    }
}
