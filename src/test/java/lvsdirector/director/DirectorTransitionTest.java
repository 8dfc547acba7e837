package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static lvsdirector.director.WebFixture.A;
import static lvsdirector.director.WebFixture.B;
import static lvsdirector.director.WebFixture.VS;
import static lvsdirector.director.WebFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult;
import lvsdirector.check.Health;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** Transitions while running: quiescent or not, fallback, soft failures, drains, repairs. */
class DirectorTransitionTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private VirtualConfig startHealthy(boolean quiescent) {
        VirtualConfig v = web(quiescent);
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), v));
        h.mark();
        h.effects.calls.clear();
        return v;
    }

    @Test
    void nonQuiescentDownDeletesAndLastDownAddsTheFallbackFirstUpRemovesIt() {
        VirtualConfig v = startHealthy(false);
        h.down(v, A);
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80");
        assertThat(h.logsSince()).containsExactly("Deleted real server: 10.9.0.2:80 (10.0.0.1:80)");

        h.mark();
        h.down(v, B);
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.3:80",
                "-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1");
        assertThat(h.logsSince()).containsExactly("Deleted real server: 10.9.0.3:80 (10.0.0.1:80)",
                "Added fallback server: 127.0.0.1:80 (10.0.0.1:80) (Weight set to 1)");

        h.mark();
        h.up(v, A);
        assertThat(h.opsSince()).containsExactly("-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3",
                "-d -t 10.0.0.1:80 -r 127.0.0.1:80");
        assertThat(h.logsSince()).containsExactly("Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)",
                "Deleted fallback server: 127.0.0.1:80 (10.0.0.1:80)");
        assertThat(h.effects.matching("fallback")).containsExactly(
                "fallback tcp:10.0.0.1:80 start", "fallback tcp:10.0.0.1:80 stop");
        assertThat(h.effects.matching("event running")).hasSize(5);
    }

    @Test
    void quiescentDownSetsWeightZeroAndUpRestoresIt() {
        VirtualConfig v = startHealthy(true);
        h.down(v, A);
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 0");
        assertThat(h.logsSince()).containsExactly("Quiescent real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 0)");
        h.mark();
        h.up(v, A);
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
        assertThat(h.logsSince()).containsExactly("Restored real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)");
    }

    @Test
    void softFailuresAreLoggedWithoutTouchingTheTable() {
        VirtualConfig v = startHealthy(false);
        CheckResult failed = CheckResult.failed(CheckResult.FailureReason.TIMEOUT, "500 Timeout Alarm", Duration.ZERO);
        h.outcome(v, A, new CheckOutcome(failed, Health.UP, Transition.SOFT_FAILURE, 1, 3));
        h.outcome(v, A, new CheckOutcome(CheckResult.ok("200 OK", Duration.ZERO), Health.UP, Transition.FAILURES_RESET, 0, 3));
        h.outcome(v, A, new CheckOutcome(failed, Health.UP, Transition.SOFT_FAILURE, 1, 3));
        h.outcome(v, A, new CheckOutcome(failed, Health.UP, Transition.SOFT_FAILURE, 2, 3));
        h.outcome(v, A, new CheckOutcome(failed, Health.DOWN, Transition.WENT_DOWN, 3, 3));
        h.outcome(v, A, new CheckOutcome(CheckResult.ok("200 OK", Duration.ZERO), Health.UP, Transition.WENT_UP, 3, 3));
        assertThat(h.logsSince()).containsExactly(
                "Soft failure real server: 10.9.0.2:80 (tcp:10.0.0.1:80) failure 1/3",
                "Resetting soft failure count: 10.9.0.2:80 (tcp:10.0.0.1:80)",
                "Soft failure real server: 10.9.0.2:80 (tcp:10.0.0.1:80) failure 1/3",
                "Soft failure real server: 10.9.0.2:80 (tcp:10.0.0.1:80) failure 2/3",
                "Deleted real server: 10.9.0.2:80 (10.0.0.1:80)",
                "Resetting soft failure count: 10.9.0.2:80 (tcp:10.0.0.1:80)",
                "Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)");
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80",
                "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
        assertThat(h.effects.matching("result")).containsExactly(
                "result tcp:10.0.0.1:80 10.9.0.2 UP", "result tcp:10.0.0.1:80 10.9.0.2 UP",
                "result tcp:10.0.0.1:80 10.9.0.2 UP", "result tcp:10.0.0.1:80 10.9.0.2 UP",
                "result tcp:10.0.0.1:80 10.9.0.2 DOWN", "result tcp:10.0.0.1:80 10.9.0.2 UP");
    }

    @Test
    void operatorDrainIsLeftAloneUntilTheNextTransition() throws Exception {
        VirtualConfig v = startHealthy(false);
        h.backend.editDestination(VS, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 0));
        h.mark();
        h.reconcile();
        assertThat(h.opsSince()).isEmpty();
        assertThat(h.logsSince()).isEmpty();

        h.down(v, A);
        h.up(v, A);
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80",
                "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
    }

    @Test
    void entriesDeletedBehindOurBackAreRestored() throws Exception {
        startHealthy(false);
        h.backend.deleteDestination(VS, new Destination(ip("10.9.0.3"), 80, ForwardingMethod.MASQ, 2, 0, 0,
                Destination.Tunnel.IPIP).key());
        h.mark();
        h.reconcile();
        assertThat(h.opsSince()).containsExactly("-a -t 10.0.0.1:80 -r 10.9.0.3:80 -m -w 2");
        assertThat(h.logsSince()).containsExactly("Added real server: 10.9.0.3:80 (10.0.0.1:80) (Weight set to 2)");

        h.backend.deleteService(VS);
        h.mark();
        h.reconcile();
        assertThat(h.opsSince()).containsExactly("-A -t 10.0.0.1:80 -s rr",
                "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3", "-a -t 10.0.0.1:80 -r 10.9.0.3:80 -m -w 2");
        assertThat(h.logsSince()).first().isEqualTo("Added virtual server: 10.0.0.1:80");
    }

    @Test
    void quiescedRealDeletedByHandComesBackOnlyWithReaddQuiescent() throws Exception {
        VirtualConfig v = startHealthy(true);
        h.down(v, A);
        h.backend.deleteDestination(VS, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 0).key());
        h.mark();
        h.reconcile();
        assertThat(h.opsSince()).isEmpty();
    }

    @Test
    void gateRealOnAnotherPortIsMatchedUnderTheVirtualPort() {
        RealConfig mapped = real("10.9.0.2", 8080, Forwarding.GATE, 1);
        VirtualConfig v = Cf.tcp("10.0.5.1", 80).real(mapped).quiescent(true).build();
        h.mark();
        h.start(Cf.config(Cf.globals(), v));
        h.up(v, mapped);
        h.down(v, mapped);
        assertThat(h.opsSince()).containsExactly(
                "-A -t 10.0.5.1:80 -s wrr",
                "-a -t 10.0.5.1:80 -r 10.9.0.2:80 -g -w 0",
                "-e -t 10.0.5.1:80 -r 10.9.0.2:80 -g -w 1",
                "-e -t 10.0.5.1:80 -r 10.9.0.2:80 -g -w 0");
        assertThat(h.logsSince()).containsExactly(
                "Added virtual server: 10.0.5.1:80",
                "Quiescent real server: 10.9.0.2:80 mapped from 10.9.0.2:8080 (10.0.5.1:80) (Weight set to 0)",
                "Restored real server: 10.9.0.2:8080 (10.0.5.1:80) (Weight set to 1)",
                "Quiescent real server: 10.9.0.2:80 mapped from 10.9.0.2:8080 (10.0.5.1:80) (Weight set to 0)");
    }

    @Test
    void ipv6VirtualAndRealsAreBracketed() {
        RealConfig r = real("fd00:9::2", 80, Forwarding.MASQ, 2);
        VirtualConfig v = Cf.tcp("fd00::1", 80).real(r).fallback(fallback("::1", 80, Forwarding.MASQ)).build();
        h.mark();
        h.start(Cf.config(Cf.globals(), v));
        h.up(v, r);
        assertThat(h.opsSince()).containsExactly(
                "-A -t [fd00::1]:80 -s wrr",
                "-a -t [fd00::1]:80 -r [::1]:80 -m -w 1",
                "-a -t [fd00::1]:80 -r [fd00:9::2]:80 -m -w 2",
                "-d -t [fd00::1]:80 -r [::1]:80");
        assertThat(h.logsSince()).containsExactly(
                "Added virtual server: [fd00::1]:80",
                "Added fallback server: [::1]:80 ([fd00::1]:80) (Weight set to 1)",
                "Added real server: [fd00:9::2]:80 ([fd00::1]:80) (Weight set to 2)",
                "Deleted fallback server: [::1]:80 ([fd00::1]:80)");
    }

    @Test
    void fwmarkServiceWithPortlessRealsAndFallbackOnPortZero() {
        RealConfig r = real("10.9.0.4", 0, Forwarding.GATE, 1);
        VirtualConfig v = Cf.fwm(4, false).real(r).fallback(fallback("127.0.0.1", null, Forwarding.GATE)).build();
        h.mark();
        h.start(Cf.config(Cf.globals(), v));
        h.up(v, r);
        assertThat(h.opsSince()).containsExactly(
                "-A -f 4 -s wrr",
                "-a -f 4 -r 127.0.0.1:0 -g -w 1",
                "-a -f 4 -r 10.9.0.4:0 -g -w 1",
                "-d -f 4 -r 127.0.0.1:0");
        assertThat(h.logsSince()).contains("Added real server: 10.9.0.4:0 (4) (Weight set to 1)");
    }

    @Test
    void failedOperationIsLoggedInIpvsadmWordsAndTheDirectorCarriesOn() {
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).scheduling(new SchedulingSettings("bogus", null, null, null, false))
                .real(A).build();
        h.mark();
        h.start(Cf.config(Cf.globals(), v));
        h.up(v, A);
        assertThat(h.logsSince()).containsExactly(
                "system(/sbin/ipvsadm -A -t 10.0.0.1:80 -s bogus) failed: Scheduler or persistence engine not found",
                "Added virtual server: 10.0.0.1:80",
                "system(/sbin/ipvsadm -a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3) failed: Service not defined",
                "Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)");
        // later rounds do not repeat an operation that already failed the same way
        h.mark();
        h.reconcile();
        assertThat(h.logsSince()).isEmpty();
        assertThat(h.director.snapshot().virtuals().get(0).reals().get(0).health()).isEqualTo(Health.UP);
        assertThat(h.director.snapshot().virtuals().get(0).reals().get(0).lastMessage()).isEqualTo("200 OK");
    }
}
