package lvsdirector.director;

import static lvsdirector.director.WebFixture.A;
import static lvsdirector.director.WebFixture.B;
import static lvsdirector.director.WebFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.Health;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** Hot standby: checks and health without touching the table; activation programs it in one round. */
class DirectorStandbyTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void standbyChecksButNeitherReadsNorChangesTheTableNorAlerts() throws Exception {
        VirtualConfig v = web(false);
        // a stale entry from an earlier active period must not be taken as health
        h.backend.addService(new VirtualService(WebFixture.VS, "wlc", 0, 0, 0, null));
        h.checker.firstRound = job -> job.spec().toString().contains("10.9.0.2") ? Harness.up(0) : Harness.down(1, 1);
        h.mark();

        h.config = Cf.config(Cf.globals(), v);
        Harness.await(h.director.startInStandby(h.config));
        h.down(v, A);
        h.up(v, A);

        assertThat(h.director.active()).isFalse();
        assertThat(h.opsSince()).isEmpty();
        assertThat(h.effects.calls).isEmpty();
        assertThat(h.director.snapshot().virtuals().get(0).reals()).extracting(r -> r.health())
                .containsExactly(Health.UP, Health.DOWN);
    }

    @Test
    void activationProgramsTheTableFromKnownHealthInOneRoundAndDeactivationReleasesIt() {
        VirtualConfig v = web(false);
        h.checker.firstRound = job -> job.spec().toString().contains("10.9.0.2") ? Harness.up(0) : Harness.down(1, 1);
        h.config = Cf.config(Cf.globals(), v);
        Harness.await(h.director.startInStandby(h.config));
        h.mark();

        Harness.await(h.director.activate());

        assertThat(h.director.active()).isTrue();
        assertThat(h.opsSince()).containsExactly(
                "-A -t 10.0.0.1:80 -s rr",
                "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
        assertThat(h.logsSince()).contains(
                "Leaving standby: programming the IPVS table from the current health of the real servers",
                "Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)");
        assertThat(h.effects.matching("event")).isNotEmpty();

        // active: a real coming up is added at once, with its alert
        h.up(v, B);
        assertThat(h.backend.destinations(WebFixture.VS)).extracting(e -> e.destination().address().getHostAddress())
                .containsExactlyInAnyOrder("10.9.0.2", "10.9.0.3");

        h.mark();
        int effectsBefore = h.effects.calls.size();
        Harness.await(h.director.deactivate());
        h.down(v, A);

        assertThat(h.director.active()).isFalse();
        // as a stop with cleanstop=yes: the reals, then the virtual; nothing after, though A went down
        assertThat(h.opsSince()).containsExactlyInAnyOrder("-d -t 10.0.0.1:80 -r 10.9.0.2:80",
                "-d -t 10.0.0.1:80 -r 10.9.0.3:80", "-D -t 10.0.0.1:80");
        assertThat(h.opsSince()).last().isEqualTo("-D -t 10.0.0.1:80");
        assertThat(h.backend.services()).extracting(e -> e.service().key()).doesNotContain(WebFixture.VS);
        assertThat(h.logsSince()).contains("Entering standby: IPVS table released, checking goes on");
        assertThat(h.effects.calls.subList(effectsBefore, h.effects.calls.size())).isEmpty();
    }

    @Test
    void anActivationAskedWhileTheStandbyDaemonIsStillStartingWaitsForTheStartAndThenProgramsTheTable() {
        VirtualConfig v = web(false);
        h.checker.firstRound = job -> Harness.up(0);
        h.director.startingInStandby();
        assertThat(h.director.active()).as("standby before the start has run").isFalse();

        var activation = h.director.activate();
        h.config = Cf.config(Cf.globals(), v);
        Harness.await(h.director.startInStandby(h.config));
        Harness.await(activation);

        assertThat(h.director.active()).isTrue();
        assertThat(h.backend.destinations(WebFixture.VS)).extracting(e -> e.destination().address().getHostAddress())
                .containsExactlyInAnyOrder("10.9.0.2", "10.9.0.3");
    }

    @Test
    void rehearsingTheActivationInStandbyChangesNothingAndTheActivationAppliesWhatWasRehearsed() throws Exception {
        VirtualConfig v = web(false);
        // a stale entry from an earlier active period: the rehearsal plans against it, as the activation will
        h.backend.addService(new VirtualService(WebFixture.VS, "wlc", 0, 0, 0, null));
        h.checker.firstRound = job -> job.spec().toString().contains("10.9.0.2") ? Harness.up(0) : Harness.down(1, 1);
        h.config = Cf.config(Cf.globals(), v);
        Harness.await(h.director.startInStandby(h.config));
        h.mark();
        String tableBefore = table();

        int planned = Harness.await(h.director.rehearseActivation());

        assertThat(h.director.active()).isFalse();
        assertThat(h.opsSince()).isEmpty();
        assertThat(table()).isEqualTo(tableBefore);
        assertThat(h.logsSince()).isEmpty();
        assertThat(h.effects.calls).isEmpty();

        Harness.await(h.director.activate());
        assertThat(h.opsSince()).as("what the rehearsal counted").hasSize(planned)
                .containsExactly("-E -t 10.0.0.1:80 -s rr", "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
        assertThat(Harness.await(h.director.rehearseActivation())).as("active: nothing to rehearse").isZero();
    }

    @Test
    void withEveryRealDownTheRehearsalCountsWhatAnActivationWouldApplyNowAndStillChangesNothing() throws Exception {
        VirtualConfig v = web(false);
        h.checker.firstRound = job -> Harness.down(1, 1);
        h.config = Cf.config(Cf.globals(), v);
        Harness.await(h.director.startInStandby(h.config));
        h.mark();

        // the virtual and its fallback; the all-up dry round (adding reals rehearsed while they are down) is not counted
        assertThat(Harness.await(h.director.rehearseActivation())).isEqualTo(2);
        assertThat(h.opsSince()).isEmpty();
        assertThat(table()).isEmpty();
        assertThat(h.logsSince()).isEmpty();

        Harness.await(h.director.activate());
        assertThat(h.opsSince()).containsExactly("-A -t 10.0.0.1:80 -s rr", "-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1");
    }

    /** The whole table as text: services with their settings, each followed by its destinations. */
    private String table() throws Exception {
        StringBuilder text = new StringBuilder();
        for (var service : h.backend.services()) {
            text.append(service.service()).append('\n');
            for (var destination : h.backend.destinations(service.service().key())) {
                text.append("  ").append(destination.destination()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void activateAndDeactivateAreIdempotent() {
        VirtualConfig v = web(false);
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), v));
        h.mark();

        Harness.await(h.director.activate());
        assertThat(h.opsSince()).isEmpty();

        Harness.await(h.director.deactivate());
        int released = h.opsSince().size();
        Harness.await(h.director.deactivate());
        assertThat(h.opsSince()).hasSize(released).last().isEqualTo("-D -t 10.0.0.1:80");
        ServiceKey vs = WebFixture.VS;
        assertThat(h.backend.services()).extracting(e -> e.service().key()).doesNotContain(vs);
    }
}
