package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.Health;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;

/** Drain and weight overrides: one round, health still checked, reloads keep them. */
class DirectorOverridesTest {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.MASQ, 3);
    static final RealConfig B = real("10.9.0.3", 80, Forwarding.MASQ, 2);

    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    static VirtualConfig web() {
        return Cf.tcp("10.0.0.1", 80).real(A).real(B).fallback(fallback("127.0.0.1", 80, Forwarding.GATE)).build();
    }

    private void startHealthy(VirtualConfig v) {
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), v));
        h.mark();
    }

    /** Overrides for reals by address, like the daemon's adapter gives them. */
    private static OperatorOverrides settings(Map<RealConfig, OperatorOverrides.Setting> byReal) {
        return (virtual, real) -> byReal.entrySet().stream().filter(e -> e.getKey().address().equals(real.address()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private DirectorSnapshot.RealView view(RealConfig r) {
        return h.director.snapshot().virtuals().get(0).reals().stream()
                .filter(v -> v.server().startsWith(r.address().getHostAddress() + ":")).findFirst().orElseThrow();
    }

    @Test
    void drainQuiescesAnUpRealInOneRoundAndUndrainRestoresItsWeight() {
        startHealthy(web());
        Harness.await(h.director.setOverrides(settings(Map.of(A, new OperatorOverrides.Setting(true, null)))));
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -m -w 0");
        assertThat(view(A)).extracting(DirectorSnapshot.RealView::health, DirectorSnapshot.RealView::weight,
                DirectorSnapshot.RealView::drained).containsExactly(Health.UP, 0, true);
        assertThat(view(B).drained()).isFalse();

        h.mark();
        Harness.await(h.director.setOverrides(OperatorOverrides.NONE));
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -m -w 3");
        assertThat(view(A).drained()).isFalse();
    }

    @Test
    void aDrainedRealIsStillCheckedAndItsHealthReported() {
        startHealthy(web());
        Harness.await(h.director.setOverrides(settings(Map.of(A, new OperatorOverrides.Setting(true, null)))));
        h.down(h.config.virtuals().get(0), A);
        assertThat(view(A).health()).isEqualTo(Health.DOWN);
        assertThat(view(A).drained()).isTrue();
        h.up(h.config.virtuals().get(0), A);
        assertThat(view(A)).extracting(DirectorSnapshot.RealView::health, DirectorSnapshot.RealView::weight)
                .containsExactly(Health.UP, 0);
    }

    @Test
    void aWeightOverrideReplacesTheConfiguredWeightOnlyWhileTheRealIsUp() {
        startHealthy(web());
        Harness.await(h.director.setOverrides(settings(Map.of(A, new OperatorOverrides.Setting(false, 9)))));
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -m -w 9");
        assertThat(view(A).weightOverride()).isEqualTo(9);

        h.mark();
        h.down(h.config.virtuals().get(0), A);
        assertThat(h.opsSince()).as("a down real leaves the table as configured (quiescent=no)")
                .containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80");
        h.mark();
        h.up(h.config.virtuals().get(0), A);
        assertThat(h.opsSince()).containsExactly("-a -t 10.0.0.1:80 -r 10.9.0.2:80 -m -w 9");
    }

    @Test
    void drainingEveryRealBringsInTheFallback() {
        startHealthy(web());
        OperatorOverrides.Setting drained = new OperatorOverrides.Setting(true, null);
        Harness.await(h.director.setOverrides(settings(Map.of(A, drained, B, drained))));
        assertThat(h.opsSince()).contains("-e -t 10.0.0.1:80 -r 10.9.0.2:80 -m -w 0",
                "-e -t 10.0.0.1:80 -r 10.9.0.3:80 -m -w 0", "-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1");
        assertThat(h.director.snapshot().virtuals().get(0).fallbackActive()).isTrue();
    }

    @Test
    void aReloadKeepsTheOverrides() {
        startHealthy(web());
        Harness.await(h.director.setOverrides(settings(Map.of(A, new OperatorOverrides.Setting(true, null)))));
        h.mark();
        h.reload(Cf.config(Cf.globals(), web()));
        assertThat(h.opsSince()).isEmpty();
        assertThat(view(A).weight()).isZero();
        assertThat(view(A).drained()).isTrue();
    }
}
