package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static lvsdirector.director.WebFixture.A;
import static lvsdirector.director.WebFixture.B;
import static lvsdirector.director.WebFixture.VS;
import static lvsdirector.director.WebFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.Health;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** Start-up: on an empty table, on a populated one (no flap), quiescent / readdquiescent variants. */
class DirectorStartTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void emptyTableAllHealthyAddsServiceThenFallbackThenRealsAfterTheFirstRound() {
        VirtualConfig v = web(false);
        h.checker.firstRound = job -> Harness.up(0);
        h.mark();
        h.start(Cf.config(Cf.globals(), v));

        assertThat(h.opsSince()).containsExactly(
                "-A -t 10.0.0.1:80 -s rr",
                "-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1",
                "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3",
                "-d -t 10.0.0.1:80 -r 127.0.0.1:80",
                "-a -t 10.0.0.1:80 -r 10.9.0.3:80 -m -w 2");
        assertThat(h.logsSince()).containsExactly(
                "Added virtual server: 10.0.0.1:80",
                "Added fallback server: 127.0.0.1:80 (10.0.0.1:80) (Weight set to 1)",
                "Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)",
                "Deleted fallback server: 127.0.0.1:80 (10.0.0.1:80)",
                "Added real server: 10.9.0.3:80 (10.0.0.1:80) (Weight set to 2)");
        assertThat(h.effects.matching("fallback")).containsExactly("fallback tcp:10.0.0.1:80 start",
                "fallback tcp:10.0.0.1:80 stop");
        // the first round still happens in state "starting"; afterwards the daemon is running
        assertThat(h.effects.matching("event")).allMatch(e -> e.startsWith("event starting "));
        assertThat(h.director.snapshot().status()).isEqualTo(DaemonStatus.RUNNING);
        assertThat(h.checker.setJobsCalls).hasSize(1);
        assertThat(h.checker.setJobsCalls.get(0)).containsOnlyKeys(h.job(v, A), h.job(v, B))
                .allSatisfy((job, health) -> assertThat(health).isEqualTo(Health.DOWN));
    }

    @Test
    void populatedTableKeepsUpRealsWithoutFlapPurgesUnconfiguredAndLeavesForeignServicesAlone() throws Exception {
        h.backend.addService(VirtualService.of(VS, "lc"));
        h.backend.addDestination(VS, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 3));
        h.backend.addDestination(VS, Destination.of(ip("10.9.0.4"), 80, ForwardingMethod.MASQ, 7));
        ServiceKey foreign = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.99"), 80);
        h.backend.addService(VirtualService.of(foreign, "wlc"));
        h.backend.addDestination(foreign, Destination.of(ip("10.9.0.9"), 80, ForwardingMethod.MASQ, 1));
        VirtualConfig v = web(false);
        h.mark();
        h.start(Cf.config(Cf.globals(), v));

        assertThat(h.opsSince()).containsExactly(
                "-E -t 10.0.0.1:80 -s rr",
                "-d -t 10.0.0.1:80 -r 10.9.0.4:80");
        assertThat(h.logsSince()).containsExactly(
                "Changed virtual server: 10.0.0.1:80",
                "Purged real server (start): 10.9.0.4:80 (10.0.0.1:80)");
        assertThat(h.checker.setJobsCalls.get(0)).containsEntry(h.job(v, A), Health.UP).containsEntry(h.job(v, B), Health.DOWN);
        assertThat(h.effects.matching("fallback")).isEmpty();
        assertThat(h.backend.destinations(foreign)).hasSize(1);
        assertThat(h.backend.service(foreign).orElseThrow().service().scheduler()).isEqualTo("wlc");

        h.mark();
        h.stop();
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80", "-D -t 10.0.0.1:80");
        assertThat(h.backend.services()).extracting(s -> s.service().key()).containsExactly(foreign);
    }

    @Test
    void restartOnTheTableItLeftIsZeroOperations() {
        VirtualConfig v = web(true);
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), v));

        try (Harness second = new Harness()) {
            for (var se : h.backend.services()) {
                second.backend.addService(se.service());
                for (var de : h.backend.destinations(se.service().key())) {
                    second.backend.addDestination(se.service().key(), de.destination());
                }
            }
            second.checker.firstRound = job -> Harness.up(0);
            second.mark();
            second.start(Cf.config(Cf.globals(), v));
            assertThat(second.opsSince()).isEmpty();
            assertThat(second.logsSince()).isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void quiescentStartAddsAbsentRealsAtWeightZeroAndKeepsPresentWeightZeroOnes() throws Exception {
        h.backend.addService(VirtualService.of(VS, "rr"));
        h.backend.addDestination(VS, Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.MASQ, 0));
        h.mark();
        h.start(Cf.config(Cf.globals(), web(true)));

        assertThat(h.opsSince()).containsExactly(
                "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 0",
                "-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1");
        assertThat(h.logsSince()).containsExactly(
                "Quiescent real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 0)",
                "Added fallback server: 127.0.0.1:80 (10.0.0.1:80) (Weight set to 1)");
    }

    @Test
    void readdQuiescentStartLogsReaddQuiescent() {
        h.mark();
        h.start(Cf.config(Cf.globals(true, true, true), web(null)));
        assertThat(h.logsSince()).containsExactly(
                "Added virtual server: 10.0.0.1:80",
                "Readd Quiescent real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 0)",
                "Readd Quiescent real server: 10.9.0.3:80 (10.0.0.1:80) (Weight set to 0)",
                "Added fallback server: 127.0.0.1:80 (10.0.0.1:80) (Weight set to 1)");
    }

    @Test
    void nonQuiescentStartDeletesConfiguredRealsFoundAtWeightZero() throws Exception {
        h.backend.addService(VirtualService.of(VS, "rr"));
        h.backend.addDestination(VS, Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.MASQ, 0));
        h.mark();
        h.start(Cf.config(Cf.globals(), web(false)));
        assertThat(h.opsSince()).containsExactly(
                "-d -t 10.0.0.1:80 -r 10.9.0.3:80",
                "-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1");
        assertThat(h.logsSince()).containsExactly(
                "Deleted real server: 10.9.0.3:80 (10.0.0.1:80)",
                "Added fallback server: 127.0.0.1:80 (10.0.0.1:80) (Weight set to 1)");
    }

    @Test
    void upRealWithOtherWeightIsRestoredToTheConfiguredOne() throws Exception {
        h.backend.addService(VirtualService.of(VS, "rr"));
        h.backend.addDestination(VS, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 9));
        h.mark();
        h.start(Cf.config(Cf.globals(), web(false)));
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
        assertThat(h.logsSince()).containsExactly("Restored real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)");
    }
}
