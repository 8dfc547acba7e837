package lvsdirector.director;

import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.CheckOutcome;
import lvsdirector.check.Health;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/**
 * A round caused by check outcomes plans only the virtuals whose reals changed; an operator's round compares the
 * whole table; the periodic round reads the whole table and plans only the virtuals that differ from what was
 * programmed.
 */
class DirectorPartialRoundTest {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.GATE, 3);
    static final RealConfig B = real("10.9.0.3", 80, Forwarding.GATE, 1);
    static final ServiceKey VS2 = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.2"), 80);

    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    /** Not quiescent, and no periodic round while the test runs. */
    static Globals hourlyNotQuiescent() {
        return notQuiescent(3600);
    }

    static Globals notQuiescent(int checkInterval) {
        Globals d = Cf.globals(false, false, false);
        return new Globals(d.checkTimeout(), d.negotiateTimeout(), checkInterval, d.checkCount(), d.failureCount(),
                d.autoreload(), d.callback(), d.logfile(), d.execute(), d.fork(), d.supervised(), d.quiescent(),
                d.readdQuiescent(), d.cleanstop(), d.fallback(), d.fallback6(), d.fallbackCommand(), d.alerts(),
                d.emailAlertFrom(), d.maintenanceDir());
    }

    @Test
    void anOutcomeRoundLeavesOtherVirtualsToTheFullRound() throws Exception {
        h.checker.firstRound = job -> Harness.up(0);
        VirtualConfig v1 = Cf.tcp("10.0.0.1", 80).real(A).build();
        VirtualConfig v2 = Cf.tcp("10.0.0.2", 80).real(B).build();
        h.start(Cf.config(hourlyNotQuiescent(), v1, v2));
        DirectorSnapshot.VirtualView v2Before = h.director.snapshot().virtuals().get(1);
        h.backend.deleteDestination(VS2, Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.ROUTE, 1).key());
        h.mark();

        h.director.onOutcome(h.job(v1, A), Harness.down(1, 1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> h.logsSince().contains("Deleted real server: 10.9.0.2:80 (10.0.0.1:80)"));
        assertThat(h.opsSince()).as("the outcome's round planned 10.0.0.1:80 only")
                .containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80");
        DirectorSnapshot snapshot = h.director.snapshot();
        DirectorSnapshot.RealView a = snapshot.virtuals().get(0).reals().get(0);
        assertThat(a.health()).isEqualTo(Health.DOWN);
        assertThat(a.weight()).isNull();
        assertThat(snapshot.virtuals().get(1)).as("10.0.0.2:80's view was not rebuilt").isSameAs(v2Before);

        h.reconcile();
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80",
                "-a -t 10.0.0.2:80 -r 10.9.0.3:80 -g -w 1");
        assertThat(h.director.snapshot().virtuals().get(1).reals().get(0).weight()).isEqualTo(1);
    }

    @Test
    void outcomesForSeveralVirtualsBeforeTheRoundRunAreAllPlanned() {
        h.checker.firstRound = job -> Harness.up(0);
        VirtualConfig v1 = Cf.tcp("10.0.0.1", 80).real(A).build();
        VirtualConfig v2 = Cf.tcp("10.0.0.2", 80).real(B).build();
        h.start(Cf.config(hourlyNotQuiescent(), v1, v2));
        h.mark();
        h.director.onOutcome(h.job(v1, A), Harness.down(1, 1));
        h.director.onOutcome(h.job(v2, B), Harness.down(1, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.logsSince().size() == 2);
        assertThat(h.opsSince()).containsExactlyInAnyOrder("-d -t 10.0.0.1:80 -r 10.9.0.2:80",
                "-d -t 10.0.0.2:80 -r 10.9.0.3:80");
        assertThat(h.director.snapshot().virtuals()).allSatisfy(v -> assertThat(v.reals().get(0).weight()).isNull());
    }

    @Test
    void thePeriodicRoundOverATableThatHoldsWhatWasProgrammedPlansAndRebuildsNothing() {
        Rounds rounds = new Rounds();
        h.director.withObserver(rounds);
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(notQuiescent(1), Cf.tcp("10.0.0.1", 80).real(A).build(), Cf.tcp("10.0.0.2", 80).real(B).build()));
        // the start's outcome rounds are done when start returns; the next round is the first periodic one, which
        // comes after the start's outcomes have been published (500 ms)
        int started = rounds.finished.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.finished.get() >= started + 1);
        DirectorSnapshot before = h.director.snapshot();
        rounds.operations.clear();

        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.finished.get() >= started + 3);
        assertThat(rounds.operations).isEmpty();
        assertThat(h.director.snapshot()).as("no view was rebuilt").isSameAs(before);
    }

    @Test
    void thePeriodicRoundRestoresOnlyWhatChangedBehindOurBackAndLeavesAnOperatorsWeight() throws Exception {
        Rounds rounds = new Rounds();
        h.director.withObserver(rounds);
        h.checker.firstRound = job -> Harness.up(0);
        VirtualConfig v1 = Cf.tcp("10.0.0.1", 80).real(A).build();
        VirtualConfig v2 = Cf.tcp("10.0.0.2", 80).real(B).build();
        VirtualConfig v3 = Cf.tcp("10.0.0.3", 80).real(B).build();
        h.start(Cf.config(notQuiescent(1), v1, v2, v3));
        rounds.operations.clear();
        ServiceKey vs1 = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.1"), 80);
        ServiceKey vs3 = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.3"), 80);
        VirtualService settings = h.backend.service(vs3).orElseThrow().service();

        h.backend.editDestination(vs1, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 9));
        h.backend.deleteDestination(VS2, Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.ROUTE, 1).key());
        h.backend.editService(new VirtualService(vs3, "rr", settings.flags(), settings.timeout(), settings.netmask(),
                settings.persistenceEngine()));

        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.operations.size() >= 2);
        assertThat(rounds.operations).containsExactlyInAnyOrder("-a -t 10.0.0.2:80 -r 10.9.0.3:80 -g -w 1",
                "-E -t 10.0.0.3:80 -s " + settings.scheduler());
        assertThat(h.backend.destinations(vs1).get(0).destination().weight()).as("the operator's weight").isEqualTo(9);
    }

    /** Counts the running director's rounds that succeeded (periodic and outcome rounds) and records its operations. */
    static final class Rounds implements DirectorObserver {
        final AtomicInteger finished = new AtomicInteger();
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void realChecked(String virtualId, String real, CheckOutcome outcome) {}

        @Override
        public void ipvsOperation(IpvsOperation operation, IpvsException error) {
            operations.add(operation.ipvsadmArguments());
        }

        @Override
        public void roundFinished(RoundKind kind, boolean succeeded) {
            if (kind == RoundKind.ROUND && succeeded) {
                finished.incrementAndGet();
            }
        }
    }
}
