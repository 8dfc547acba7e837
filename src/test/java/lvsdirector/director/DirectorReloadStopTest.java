package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.Health;
import lvsdirector.config.CheckType;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

/** Reload applies only the difference; stop honours cleanstop. */
class DirectorReloadStopTest {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.GATE, 3);
    static final RealConfig B = real("10.9.0.3", 80, Forwarding.MASQ, 2);
    static final RealConfig C = real("10.9.0.5", 80, Forwarding.GATE, 1);

    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    static Cf.V web() {
        return Cf.tcp("10.0.0.1", 80).real(A).real(B).fallback(fallback("127.0.0.1", 80, Forwarding.GATE));
    }

    static Cf.V other() {
        return Cf.tcp("10.0.0.2", 80).real(C);
    }

    private void startHealthy(VirtualConfig... virtuals) {
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(), virtuals));
        h.mark();
    }

    @Test
    void reloadWithoutChangeIsZeroOperations() {
        VirtualConfig v = web().build();
        startHealthy(v, other().build());
        h.reload(Cf.config(Cf.globals(), web().build(), other().build()));
        assertThat(h.opsSince()).isEmpty();
        assertThat(h.logsSince()).isEmpty();
        assertThat(h.checker.setJobsCalls).hasSize(2);
        assertThat(h.checker.setJobsCalls.get(1).keySet()).isEqualTo(h.checker.setJobsCalls.get(0).keySet());
        assertThat(h.checker.setJobsCalls.get(1).values()).containsOnly(Health.UP);
    }

    @Test
    void reloadChangingOneRealsWeightTouchesExactlyThatReal() {
        startHealthy(web().build(), other().build());
        RealConfig heavierB = real("10.9.0.3", 80, Forwarding.MASQ, 5);
        VirtualConfig changed = Cf.tcp("10.0.0.1", 80).real(A).real(heavierB)
                .fallback(fallback("127.0.0.1", 80, Forwarding.GATE)).build();
        h.reload(Cf.config(Cf.globals(), changed, other().build()));
        assertThat(h.opsSince()).containsExactly("-e -t 10.0.0.1:80 -r 10.9.0.3:80 -m -w 5");
        assertThat(h.logsSince()).containsExactly("Restored real server: 10.9.0.3:80 (10.0.0.1:80) (Weight set to 5)");
    }

    @Test
    void reloadWithAnotherCheckKeepsUpRealsUpFromTheTable() {
        startHealthy(web().build());
        VirtualConfig rechecked = web().check(Cf.check(CheckType.CONNECT, ServiceType.HTTP)).build();
        h.reload(Cf.config(Cf.globals(), rechecked));
        assertThat(h.opsSince()).isEmpty();
        assertThat(h.checker.setJobsCalls.get(1)).containsEntry(h.job(rechecked, A), Health.UP)
                .containsEntry(h.job(rechecked, B), Health.UP);
    }

    @Test
    void reloadPurgesRemovedVirtualsAndAddsNewOnes() {
        startHealthy(web().build(), other().build());
        RealConfig d = real("10.9.0.6", 443, Forwarding.MASQ, 1);
        VirtualConfig added = Cf.tcp("10.0.0.3", 443).real(d).build();
        h.reload(Cf.config(Cf.globals(), web().build(), added));
        assertThat(h.opsSince()).containsExactly("-A -t 10.0.0.3:443 -s wrr", "-D -t 10.0.0.2:80");
        assertThat(h.logsSince()).containsExactly("Added virtual server: 10.0.0.3:443",
                "Purged virtual server (start): 10.0.0.2:80");
        h.mark();
        h.up(added, d);
        assertThat(h.opsSince()).containsExactly("-a -t 10.0.0.3:443 -r 10.9.0.6:443 -m -w 1");
    }

    @Test
    void reloadPurgesARealRemovedFromTheFile() {
        startHealthy(web().build());
        VirtualConfig withoutB = Cf.tcp("10.0.0.1", 80).real(A).fallback(fallback("127.0.0.1", 80, Forwarding.GATE)).build();
        h.reload(Cf.config(Cf.globals(), withoutB));
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.3:80");
        assertThat(h.logsSince()).containsExactly("Purged real server (start): 10.9.0.3:80 (10.0.0.1:80)");
    }

    @Test
    void cleanstopDeletesUpRealsThenTheVirtualAndLeavesCleanstopNoVirtualsAlone() {
        VirtualConfig v = web().quiescent(true).build();
        VirtualConfig kept = other().cleanstop(false).build();
        startHealthy(v, kept);
        h.down(v, B);
        h.mark();
        h.stop();
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80", "-D -t 10.0.0.1:80");
        assertThat(h.logsSince()).containsExactly("Purged real server (stop): 10.9.0.2:80 (10.0.0.1:80)",
                "Purged virtual server (stop): 10.0.0.1:80");
        assertThat(h.checker.setJobsCalls.get(h.checker.setJobsCalls.size() - 1)).isEmpty();
        assertThat(h.backend.services()).extracting(s -> s.service().key())
                .containsExactly(new ServiceKey.Address(Protocol.TCP, ip("10.0.0.2"), 80));
    }

    @Test
    void globalCleanstopNoLeavesEverything() {
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(Cf.globals(false, false, false), web().build()));
        h.mark();
        h.stop();
        assertThat(h.opsSince()).isEmpty();
        assertThat(h.backend.services()).hasSize(1);
    }
}
