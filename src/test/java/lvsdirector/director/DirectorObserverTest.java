package lvsdirector.director;

import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.CheckOutcome;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

/** The observer sees every check result per real, every IPVS operation, and every round with its result. */
class DirectorObserverTest {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.MASQ, 3);
    static final RealConfig B = real("10.9.0.3", 80, Forwarding.MASQ, 2);
    static final ServiceKey VS = new ServiceKey.Address(Protocol.TCP, Cf.ip("10.0.0.1"), 80);

    final Harness h = new Harness();
    final Recorder seen = new Recorder();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void reportsChecksOperationsAndRoundsInOrder() {
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(A).real(B).quiescent(false).build();
        h.director.withObserver(seen);
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), v));
        // the start round adds the virtual (both reals start down); the first checks bring the reals in
        assertThat(seen.events).startsWith("op AddService ok", "round start ok").contains(
                "check tcp:10.0.0.1:80 10.9.0.2:80 true", "check tcp:10.0.0.1:80 10.9.0.3:80 true")
                .filteredOn(e -> e.equals("op AddDestination ok")).hasSize(2);
        assertThat(seen.events).last().isEqualTo("round round ok");

        seen.events.clear();
        h.down(v, A);
        // the outcome's own round, then possibly the harness's explicit reconcile (which has nothing to do)
        assertThat(seen.events).startsWith("check tcp:10.0.0.1:80 10.9.0.2:80 false", "op DeleteDestination ok",
                "round round ok").containsOnly("check tcp:10.0.0.1:80 10.9.0.2:80 false", "op DeleteDestination ok",
                "round round ok");

        seen.events.clear();
        h.stop();
        assertThat(seen.events).last().isEqualTo("round stop ok");
    }

    @Test
    void aRoundThatCannotReadTheTableIsReportedFailed() {
        DirectorBehaviourTest.FlakyBackend flaky = new DirectorBehaviourTest.FlakyBackend(h.backend);
        Director d = new Director(h.context, flaky, h.checker, CheckPlanner::plan, SideEffects.NONE, Clock.systemUTC())
                .withObserver(seen);
        h.checker.listener = d;
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(A).build();
        h.config = Cf.config(Cf.globals(), v);
        Harness.await(d.start(h.config));
        flaky.failing = true;
        seen.events.clear();
        Harness.await(d.reconcileNow());
        assertThat(seen.events).containsExactly("round round failed");
    }

    @Test
    void aThrowingObserverDoesNotStopTheDirector() {
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(A).quiescent(false).build();
        h.director.withObserver(new DirectorObserver() {
            @Override
            public void realChecked(String virtualId, String real, CheckOutcome outcome) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void ipvsOperation(IpvsOperation operation, IpvsException error) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void roundFinished(RoundKind kind, boolean succeeded) {
                throw new IllegalStateException("boom");
            }
        });
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), v));
        h.down(v, A);
        assertThat(h.backend.destinations(VS)).isEmpty();
    }

    static final class Recorder implements DirectorObserver {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void realChecked(String virtualId, String real, CheckOutcome outcome) {
            events.add("check " + virtualId + " " + real + " " + outcome.result().success());
        }

        @Override
        public void ipvsOperation(IpvsOperation operation, IpvsException error) {
            events.add("op " + operation.getClass().getSimpleName() + (error == null ? " ok" : " " + error.errno()));
        }

        @Override
        public void roundFinished(RoundKind kind, boolean succeeded) {
            events.add("round " + kind.name().toLowerCase(java.util.Locale.ROOT) + (succeeded ? " ok" : " failed"));
        }
    }
}
