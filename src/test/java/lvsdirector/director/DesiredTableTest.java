package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lvsdirector.check.Health;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** The desired table as a pure function of config and health, and the reconciler on fixed tables. */
class DesiredTableTest {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.GATE, 3);
    static final RealConfig B = real("10.9.0.3", 80, Forwarding.MASQ, 2);

    static Map<DestinationKey, Destination> desired(VirtualConfig v, Globals g, Set<RealConfig> up) {
        VirtualLayout layout = VirtualLayout.of(v, g);
        DesiredTable t = DesiredTable.compute(List.of(layout), g, rk -> up.stream()
                .anyMatch(r -> rk.destination().address().equals(r.address())) ? Health.UP : Health.DOWN);
        return t.services().get(layout.key()).destinations();
    }

    @Test
    void upRealsAtTheirWeightDownRealsQuiescedOrAbsentFallbackOnlyWhileNoneIsUp() {
        VirtualConfig quiet = Cf.tcp("10.0.0.1", 80).real(A).real(B).quiescent(true)
                .fallback(fallback("127.0.0.1", null, null)).build();
        assertThat(desired(quiet, Globals.DEFAULTS, Set.of(A)).values()).containsExactly(
                Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 3),
                Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.MASQ, 0));
        assertThat(desired(quiet, Globals.DEFAULTS, Set.of()).values()).containsExactly(
                Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 0),
                Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.MASQ, 0),
                Destination.of(ip("127.0.0.1"), 80, ForwardingMethod.ROUTE, 1));
        VirtualConfig loud = Cf.tcp("10.0.0.1", 80).real(A).real(B).build();
        assertThat(desired(loud, Globals.DEFAULTS, Set.of(B)).values()).containsExactly(
                Destination.of(ip("10.9.0.3"), 80, ForwardingMethod.MASQ, 2));
        assertThat(desired(loud, Globals.DEFAULTS, Set.of())).isEmpty();
    }

    @Test
    void aQuiescedRealLosesItsThresholdsAsWithLdirectordsEditAndGetsThemBackWhenUp() {
        RealConfig limited = real("10.9.0.5", 80, Forwarding.MASQ, 4, 20, 200);
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(limited).quiescent(true).build();
        assertThat(desired(v, Globals.DEFAULTS, Set.of()).values()).containsExactly(
                new Destination(ip("10.9.0.5"), 80, ForwardingMethod.MASQ, 0, 0, 0, Destination.Tunnel.IPIP));
        assertThat(desired(v, Globals.DEFAULTS, Set.of(limited)).values()).containsExactly(
                new Destination(ip("10.9.0.5"), 80, ForwardingMethod.MASQ, 4, 200, 20, Destination.Tunnel.IPIP));
    }

    @Test
    void aRealConfiguredAtWeightZeroCountsAsUpForTheFallback() {
        RealConfig zero = real("10.9.0.4", 80, Forwarding.GATE, 0);
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(zero).fallback(fallback("127.0.0.1", null, null)).build();
        assertThat(desired(v, Globals.DEFAULTS, Set.of(zero)).values()).containsExactly(
                Destination.of(ip("10.9.0.4"), 80, ForwardingMethod.ROUTE, 0));
    }

    @Test
    void anEmptyPersistenceEngineNameIsTheSameService() {
        VirtualService mine = IpvsMapping.service(Cf.tcp("10.0.0.1", 80).build());
        VirtualService reported = new VirtualService(mine.key(), mine.scheduler(), mine.flags(), mine.timeout(),
                mine.netmask(), "");
        assertThat(Reconciler.sameService(mine, reported)).isTrue();
        assertThat(Reconciler.sameService(mine, new VirtualService(mine.key(), "rr", 0, 0, mine.netmask(), null))).isFalse();
    }

    @Test
    void reconcilerNeverTouchesServicesThatAreNotConfigured() {
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(A).build();
        VirtualLayout layout = VirtualLayout.of(v, Globals.DEFAULTS);
        ServiceKey foreign = IpvsMapping.serviceKey(Cf.tcp("10.0.0.99", 80).build());
        ActualTable actual = new ActualTable(Map.of(foreign, new ActualTable.ActualService(VirtualService.of(foreign, "lc"),
                Map.of(new DestinationKey(ip("10.9.0.9"), 80), Destination.of(ip("10.9.0.9"), 80, ForwardingMethod.MASQ, 1)))));
        DesiredTable desired = DesiredTable.compute(List.of(layout), Globals.DEFAULTS, rk -> Health.UP);
        for (Reconciler.Mode mode : Reconciler.Mode.values()) {
            assertThat(new Reconciler(mode, false, Map.of()).plan(desired, actual, List.of()))
                    .extracting(p -> p.operation().ipvsadmArguments())
                    .containsExactly("-A -t 10.0.0.1:80 -s wrr", "-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
        }
        assertThat(Reconciler.planStop(List.of(layout), Globals.DEFAULTS, actual, rk -> Health.UP)).isEmpty();
    }
}
