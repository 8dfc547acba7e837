package lvsdirector.director;

import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.Health;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

/**
 * A round caused by check outcomes plans only the virtuals whose reals changed; the periodic (or an operator's)
 * round still compares the whole table.
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
        Globals d = Cf.globals(false, false, false);
        return new Globals(d.checkTimeout(), d.negotiateTimeout(), 3600, d.checkCount(), d.failureCount(),
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
}
