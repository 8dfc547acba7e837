package lvsdirector.ipvs.sync;

import static lvsdirector.ipvs.sync.SyncCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.sync.RestorePlan.SkipReason;
import org.junit.jupiter.api.Test;

class RestorePlanTest {
    private static final long NOW = 1_000_000_000L;
    private static final ServiceKey WEB = new ServiceKey.Address(Protocol.TCP, ip("10.0.1.100"), 80);
    private static final ServiceKey MARK = new ServiceKey.Fwmark(1, false);
    private static final RealRef RS1 = new RealRef(WEB, ip("10.0.2.11"), 80);
    private static final RealRef RS2 = new RealRef(WEB, ip("10.0.3.12"), 80);
    private static final RealRef MARK_RS2 = new RealRef(MARK, ip("10.0.3.12"), 80);

    private static PersistenceTemplate web(String client, String real, long expiresAt) {
        return new PersistenceTemplate(TemplateProtocol.TCP, ip(client), ip("10.0.1.100"), 80, 0, ip(real), 80,
                "ASSURED", expiresAt);
    }

    private static RestoreInputs inputs(Set<RealRef> down, Set<RealRef> drained, Set<TemplateKey> present) {
        return new RestoreInputs(NOW, Set.of(RS1, RS2, MARK_RS2), down, drained, present);
    }

    private static RestorePlan plan(PersistenceTemplate template, RestoreInputs inputs) {
        return RestorePlan.of(new PersistenceSnapshot("nodeA", NOW - 5_000, List.of(template)), inputs);
    }

    @Test
    void validTemplateIsInjectedWithItsRemainingWholeSeconds() {
        RestorePlan plan = plan(web("10.0.1.10", "10.0.2.11", NOW + 290_700), inputs(Set.of(), Set.of(), Set.of()));

        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.injections()).singleElement().satisfies(i -> assertThat(i.remainingSeconds()).isEqualTo(290));
        SyncEntry entry = plan.entries().get(0);
        assertThat(entry.isTemplate()).isTrue();
        assertThat(entry.clientPort()).isZero();
        assertThat(entry.timeoutSeconds()).isEqualTo(290);
        assertThat(entry.state()).isEqualTo(1);
        assertThat(entry.destination()).isEqualTo(ip("10.0.2.11"));
        assertThat(plan.summary()).isEqualTo("Restored 1 persistence template (skipped: none)");
    }

    @Test
    void fwmarkTemplateWithRealPortZeroMatchesTheRealByAddress() {
        PersistenceTemplate fw = new PersistenceTemplate(TemplateProtocol.IP, ip("10.0.1.10"), ip("0.0.0.1"), 0, 1,
                ip("10.0.3.12"), 0, "ASSURED", NOW + 60_000);
        RestorePlan plan = plan(fw, inputs(Set.of(), Set.of(), Set.of()));

        assertThat(plan.injections()).hasSize(1);
        assertThat(plan.entries().get(0).protocol()).isZero();
        assertThat(plan.entries().get(0).fwmark()).isEqualTo(1);
        assertThat(plan.entries().get(0).virtualAddress()).isEqualTo(ip("0.0.0.1"));
    }

    @Test
    void expiredAndAlmostExpiredTemplatesAreSkipped() {
        assertThat(plan(web("10.0.1.10", "10.0.2.11", NOW - 1), inputs(Set.of(), Set.of(), Set.of())).skipped())
                .extracting(RestorePlan.Skipped::reason).containsExactly(SkipReason.EXPIRED);
        assertThat(plan(web("10.0.1.10", "10.0.2.11", NOW + 999), inputs(Set.of(), Set.of(), Set.of())).skipped())
                .extracting(RestorePlan.Skipped::reason).containsExactly(SkipReason.EXPIRED);
    }

    @Test
    void templateOfAVirtualNoLongerConfiguredIsSkipped() {
        PersistenceTemplate other = new PersistenceTemplate(TemplateProtocol.TCP, ip("10.0.1.10"), ip("10.0.1.100"),
                443, 0, ip("10.0.2.11"), 443, "NONE", NOW + 60_000);
        assertThat(reasonFor(other, inputs(Set.of(), Set.of(), Set.of()))).isEqualTo(SkipReason.UNKNOWN_VIRTUAL);
        PersistenceTemplate udp = new PersistenceTemplate(TemplateProtocol.UDP, ip("10.0.1.10"), ip("10.0.1.100"),
                80, 0, ip("10.0.2.11"), 80, "NONE", NOW + 60_000);
        assertThat(reasonFor(udp, inputs(Set.of(), Set.of(), Set.of()))).isEqualTo(SkipReason.UNKNOWN_VIRTUAL);
    }

    @Test
    void templateOfARealNoLongerConfiguredIsSkipped() {
        assertThat(reasonFor(web("10.0.1.10", "10.9.9.9", NOW + 60_000), inputs(Set.of(), Set.of(), Set.of())))
                .isEqualTo(SkipReason.UNKNOWN_REAL);
        PersistenceTemplate otherPort = new PersistenceTemplate(TemplateProtocol.TCP, ip("10.0.1.10"),
                ip("10.0.1.100"), 80, 0, ip("10.0.2.11"), 8080, "NONE", NOW + 60_000);
        assertThat(reasonFor(otherPort, inputs(Set.of(), Set.of(), Set.of()))).isEqualTo(SkipReason.UNKNOWN_REAL);
    }

    @Test
    void templateOfARealThatIsDownIsSkipped() {
        assertThat(reasonFor(web("10.0.1.10", "10.0.2.11", NOW + 60_000), inputs(Set.of(RS1), Set.of(), Set.of())))
                .isEqualTo(SkipReason.REAL_DOWN);
    }

    @Test
    void templateOfADrainedRealIsSkipped() {
        assertThat(reasonFor(web("10.0.1.10", "10.0.2.11", NOW + 60_000), inputs(Set.of(), Set.of(RS1), Set.of())))
                .isEqualTo(SkipReason.DRAINED);
    }

    @Test
    void aDrainedRealAtWeightZeroInTheTableIsReportedAsDrainedNotDown() {
        assertThat(reasonFor(web("10.0.1.10", "10.0.2.11", NOW + 60_000), inputs(Set.of(RS1), Set.of(RS1), Set.of())))
                .isEqualTo(SkipReason.DRAINED);
    }

    @Test
    void templateTheKernelAlreadyHoldsIsSkipped() {
        PersistenceTemplate t = web("10.0.1.10", "10.0.2.11", NOW + 60_000);
        TemplateKey liveKey = new TemplateKey(TemplateProtocol.TCP, ip("10.0.1.10"), ip("10.0.1.100"), 80);
        assertThat(reasonFor(t, inputs(Set.of(), Set.of(), Set.of(liveKey)))).isEqualTo(SkipReason.ALREADY_PRESENT);
    }

    @Test
    void summaryCountsEachReason() {
        PersistenceSnapshot snapshot = new PersistenceSnapshot("nodeA", NOW, List.of(
                web("10.0.1.10", "10.0.2.11", NOW + 60_000),
                web("10.0.1.11", "10.0.3.12", NOW + 60_000),
                web("10.0.1.12", "10.0.2.11", NOW - 10),
                web("10.0.1.13", "10.0.2.11", NOW - 20),
                web("10.0.1.14", "10.9.9.9", NOW + 60_000),
                web("10.0.1.15", "10.0.3.12", NOW + 60_000)));
        RestorePlan plan = RestorePlan.of(snapshot, inputs(Set.of(), Set.of(RS2), Set.of()));

        assertThat(plan.injections()).extracting(i -> i.template().client()).containsExactly(ip("10.0.1.10"));
        assertThat(plan.summary())
                .isEqualTo("Restored 1 persistence template (skipped: 2 expired, 1 unknown real, 2 drained)");
    }

    private static SkipReason reasonFor(PersistenceTemplate template, RestoreInputs inputs) {
        RestorePlan plan = plan(template, inputs);
        assertThat(plan.injections()).isEmpty();
        return plan.skipped().get(0).reason();
    }
}
