package lvsdirector.heartbeat.r1;

import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.heartbeat.config.AutoFailback;
import lvsdirector.heartbeat.node.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two of our nodes paired on a fake clock (see {@link R1Pair}): the R1 decisions per auto_failback mode. */
class R1ManagerTest {

    @ParameterizedTest
    @EnumSource(AutoFailback.class)
    void bothStartingTogetherEachTakesItsOwnGroups(AutoFailback mode) {
        R1Pair pair = R1Pair.settled(mode);
        assertThat(pair.a.statusOf("nodeb")).isEqualTo(NodeStatus.ACTIVE);
        assertThat(pair.a.rsc()).isEqualTo("local");
        assertThat(pair.b.rsc()).isEqualTo("local");
        assertThat(pair.a.runningGroups).containsExactly("A1");
        assertThat(pair.b.runningGroups).containsExactly("B1");
        assertThat(pair.actions).containsExactlyInAnyOrder("nodea start A1", "nodeb start B1");
    }

    @Test
    void niceFailbackNodesStartingTogetherWaitTheRequestDelay() {
        R1Pair pair = new R1Pair(AutoFailback.ON);
        pair.a.start();
        pair.b.start();
        pair.advanceSeconds(9);
        assertThat(pair.a.rsc()).isEqualTo("transition");
        assertThat(pair.actions).isEmpty();
        assertThat(pair.a.r1Sent()).startsWith("starting", "resource none stable=0");
        pair.advanceSeconds(4);
        assertThat(pair.actions).containsExactlyInAnyOrder("nodea start A1", "nodeb start B1");
        assertThat(pair.a.r1Sent()).contains("resource local stable=1", "resource local stable=1 req_our_resources()");
    }

    @Test
    void aNodeJoiningAStableOneAcquiresAtOnce() {
        R1Pair pair = new R1Pair(AutoFailback.OFF);
        pair.b.start();
        pair.advanceSeconds(14);
        assertThat(pair.b.rsc()).isEqualTo("all");
        pair.a.start();
        pair.advanceSeconds(4);
        // b holds a's groups (foreign) and auto_failback is off: they stay on b
        assertThat(pair.a.rsc()).isEqualTo("none");
        assertThat(pair.b.rsc()).isEqualTo("all");
        assertThat(pair.a.r1Sent()).containsSubsequence("starting", "resource none stable=1");
        assertThat(pair.b.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        assertThat(pair.a.runningGroups).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AutoFailback.class)
    void killedNodesGroupsAreTakenOverAfterDeadtime(AutoFailback mode) {
        R1Pair pair = R1Pair.settled(mode);
        pair.actions.clear();
        // the last status left up to one keepalive before the kill: dead between 5 and 6 s later
        pair.a.kill();
        pair.advanceSeconds(4.8);
        assertThat(pair.b.runningGroups).containsExactly("B1");
        pair.advanceSeconds(2.2);
        assertThat(pair.b.statusOf("nodea")).isEqualTo(NodeStatus.DEAD);
        assertThat(pair.actions).containsExactly("nodeb start A1");
        assertThat(pair.b.rsc()).isEqualTo("all");
        assertThat(pair.b.r1Sent()).contains("stonith n_stnth");
        if (mode.niceFailback()) {
            assertThat(pair.b.r1Sent()).containsSubsequence("resource all stable=1 req_our_resources()", "resource foreign mach_down");
        }
    }

    @Test
    void autoFailbackOnGivesTheGroupsBackWithTheThreePhaseExchange() {
        R1Pair pair = R1Pair.settled(AutoFailback.ON);
        pair.a.kill();
        pair.advanceSeconds(8);
        pair.actions.clear();
        pair.b.sent.clear();
        pair.a.start();
        pair.advanceSeconds(6);
        assertThat(pair.actions).containsExactly("nodeb stop A1", "nodea start A1");
        assertThat(pair.b.r1Sent()).containsSubsequence("resource all stable=1", "ask_resources foreign me",
                "resource local stable=0 standby", "ask_resources foreign done", "resource local stable=1");
        assertThat(pair.a.r1Sent()).containsSubsequence("starting", "resource none stable=1", "ask_resources foreign other",
                "ask_resources foreign done", "resource local stable=1");
        assertThat(pair.a.rsc()).isEqualTo("local");
        assertThat(pair.b.rsc()).isEqualTo("local");
    }

    @Test
    void autoFailbackOffLeavesTheGroupsWhereTheyAre() {
        R1Pair pair = R1Pair.settled(AutoFailback.OFF);
        pair.a.kill();
        pair.advanceSeconds(8);
        pair.actions.clear();
        pair.a.start();
        pair.advanceSeconds(8);
        assertThat(pair.actions).isEmpty();
        assertThat(pair.a.rsc()).isEqualTo("none");
        assertThat(pair.b.rsc()).isEqualTo("all");
        assertThat(pair.b.r1Sent()).noneMatch(m -> m.startsWith("ask_resources"));
    }

    @Test
    void legacyHomeNodeAsksForItsGroupsBack() {
        R1Pair pair = R1Pair.settled(AutoFailback.LEGACY);
        pair.a.kill();
        pair.advanceSeconds(8);
        pair.actions.clear();
        pair.a.start();
        pair.advanceSeconds(6);
        assertThat(pair.actions).containsExactly("nodeb stop A1", "nodea start A1");
        assertThat(pair.a.r1Sent()).contains("ip-request A1").noneMatch(m -> m.startsWith("starting") || m.startsWith("resource"));
        assertThat(pair.b.r1Sent()).contains("ip-request-resp A1");
        assertThat(pair.b.sent.stream().filter(m -> m.type().equals("ip-request-resp")).map(m -> m.get("weown").orElse("")))
                .containsExactly("no", "yes");
        assertThat(pair.a.rsc()).isEqualTo("local");
        assertThat(pair.b.rsc()).isEqualTo("local");
    }

    @Test
    void gracefulShutdownReleasesEverythingAndThePeerTakesOverWithoutWaitingForDeadtime() {
        R1Pair pair = R1Pair.settled(AutoFailback.ON);
        pair.actions.clear();
        pair.a.stop();
        pair.advanceSeconds(1);
        assertThat(pair.a.r1Sent()).contains("resource none stable=0 shutdown");
        assertThat(pair.a.sent.get(pair.a.sent.size() - 1).type()).isEqualTo("shutdone");
        // every group of haresources is given up, last group first
        assertThat(pair.actions).startsWith("nodea stop B1", "nodea stop A1").contains("nodeb start A1");
        assertThat(pair.b.rsc()).isEqualTo("all");
        assertThat(pair.b.statusOf("nodea")).isNotEqualTo(NodeStatus.DEAD);
        pair.advanceSeconds(7);
        assertThat(pair.b.statusOf("nodea")).isEqualTo(NodeStatus.DEAD);
        assertThat(pair.b.r1Sent()).contains("stonith unneeded").doesNotContain("stonith n_stnth");
    }

    @Test
    void standbyHandsOurGroupsToThePeerAndTakeoverBringsThemBack() {
        R1Pair pair = R1Pair.settled(AutoFailback.OFF);
        pair.actions.clear();
        assertThat(pair.a.manager.requestStandby(Holdings.ALL)).startsWith("ok");
        pair.advanceSeconds(2);
        assertThat(pair.actions).containsExactly("nodea stop A1", "nodeb start A1");
        assertThat(pair.a.rsc()).isEqualTo("none");
        assertThat(pair.b.rsc()).isEqualTo("all");

        pair.actions.clear();
        assertThat(pair.a.manager.requestTakeover(Holdings.LOCAL)).startsWith("ok");
        pair.advanceSeconds(2);
        assertThat(pair.a.r1Sent()).contains("hb_takeover local");
        assertThat(pair.b.r1Sent()).contains("ask_resources foreign me");
        assertThat(pair.actions).containsExactly("nodeb stop A1", "nodea start A1");
        assertThat(pair.a.rsc()).isEqualTo("local");
        assertThat(pair.b.rsc()).isEqualTo("local");
    }

    @Test
    void standbyIsRefusedInLegacyModeAndWhileInTransition() {
        assertThat(R1Pair.settled(AutoFailback.LEGACY).a.manager.requestStandby(Holdings.ALL)).startsWith("error: standby needs auto_failback");
        R1Pair starting = new R1Pair(AutoFailback.ON);
        starting.a.start();
        starting.b.start();
        starting.advanceSeconds(3);
        assertThat(starting.a.manager.requestStandby(Holdings.ALL)).contains("in transition");
    }

    @Test
    void aStandbyRequestWithoutReplyIsCancelledAfterTenSeconds() {
        R1Pair pair = R1Pair.settled(AutoFailback.OFF);
        pair.b.kill();
        pair.b.running = false;
        pair.a.manager.requestStandby(Holdings.LOCAL);
        assertThat(pair.a.rsc()).isEqualTo("transition");
        pair.advanceSeconds(10.5);
        assertThat(pair.a.manager.standby.active()).isFalse();
        assertThat(pair.a.runningGroups).contains("A1");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aConfiguredStonithDeviceResetsTheDeadNodeBeforeTakeover(boolean resetWorks) {
        R1Pair pair = new R1Pair(AutoFailback.ON);
        java.util.List<String> resets = new java.util.ArrayList<>();
        pair.stonith = new StonithHook() {
            @Override
            public boolean configuredFor(String node) {
                return node.equals("nodea");
            }

            @Override
            public boolean reset(String node) {
                resets.add(node);
                return resetWorks;
            }
        };
        pair.a.start();
        pair.b.start();
        pair.advanceSeconds(15);
        pair.actions.clear();
        pair.a.kill();
        pair.advanceSeconds(8);
        assertThat(resets).containsExactly("nodea");
        if (resetWorks) {
            assertThat(pair.b.r1Sent()).contains("stonith OK");
            assertThat(pair.actions).containsExactly("nodeb start A1");
            assertThat(pair.b.rsc()).isEqualTo("all");
        } else {
            assertThat(pair.b.r1Sent()).contains("stonith bad");
            assertThat(pair.actions).isEmpty();
            assertThat(pair.b.rsc()).isEqualTo("local");
        }
    }

    @Test
    void aGroupThatFailsToStartIsHandedToThePeerLater() {
        R1Pair pair = new R1Pair(AutoFailback.OFF);
        pair.a.failing.add("A1");
        pair.a.start();
        pair.b.start();
        pair.advanceSeconds(15);
        assertThat(pair.a.runningGroups).isEmpty();
        assertThat(pair.a.rsc()).isEqualTo("local");
        pair.advanceSeconds(31);
        assertThat(pair.a.r1Sent()).contains("ask_resources local me");
        assertThat(pair.b.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        assertThat(pair.a.rsc()).isEqualTo("none");
    }
}
