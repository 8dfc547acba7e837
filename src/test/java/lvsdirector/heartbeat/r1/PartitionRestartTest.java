package lvsdirector.heartbeat.r1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import lvsdirector.heartbeat.config.AutoFailback;
import lvsdirector.heartbeat.node.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A false death (partition longer than deadtime) and its healing, on two of our nodes with a fake clock: as
 * heartbeat, a node that sees a peer it declared dead return with the same generation gives up its resources
 * two seconds later and restarts with a new generation, so the groups are negotiated again and each runs on
 * exactly one node.
 */
class PartitionRestartTest {

    private static R1Pair stablePair(AutoFailback mode) {
        R1Pair pair = R1Pair.settled(mode);
        assertThat(pair.a.runningGroups).containsExactly("A1");
        assertThat(pair.b.runningGroups).containsExactly("B1");
        return pair;
    }

    private static void assertEachGroupOnExactlyOneNode(R1Pair pair) {
        Set<String> both = new HashSet<>(pair.a.runningGroups);
        both.retainAll(pair.b.runningGroups);
        assertThat(both).as("groups running on both nodes").isEmpty();
        Set<String> any = new HashSet<>(pair.a.runningGroups);
        any.addAll(pair.b.runningGroups);
        assertThat(any).containsExactlyInAnyOrder("A1", "B1");
    }

    @ParameterizedTest
    @EnumSource(AutoFailback.class)
    void bothSidesRestartAfterAHealedPartitionAndTheGroupsAreNegotiatedAgain(AutoFailback mode) {
        R1Pair pair = stablePair(mode);
        long generationA = pair.a.generation;
        long generationB = pair.b.generation;
        pair.partitioned = true;
        pair.advanceSeconds(8);
        // each declared the other dead and took everything: the split brain the restart repairs
        assertThat(pair.a.statusOf("nodeb")).isEqualTo(NodeStatus.DEAD);
        assertThat(pair.a.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        assertThat(pair.b.runningGroups).containsExactlyInAnyOrder("A1", "B1");

        pair.partitioned = false;
        pair.advanceSeconds(1.5);
        // heard again, not restarted yet (heartbeat waits 2 s)
        assertThat(pair.a.membership.restarts()).isZero();
        assertThat(pair.a.generation).isEqualTo(generationA);
        pair.advanceSeconds(1.5);
        assertThat(pair.a.membership.restarts()).isEqualTo(1);
        assertThat(pair.b.membership.restarts()).isEqualTo(1);
        assertThat(pair.actions).contains("nodea stop B1", "nodea stop A1", "nodeb stop A1", "nodeb stop B1");
        assertThat(pair.a.r1Sent().stream().filter(m -> m.startsWith("resource none stable=0 shutdown")).count())
                .isEqualTo(mode.niceFailback() ? 1 : 0);

        pair.advanceSeconds(20);
        assertThat(pair.a.generation).isEqualTo(generationA + 1);
        assertThat(pair.b.generation).isEqualTo(generationB + 1);
        assertThat(pair.a.membership.identity().generation()).isEqualTo(generationA + 1);
        assertThat(pair.a.statusOf("nodeb")).isEqualTo(NodeStatus.ACTIVE);
        assertThat(pair.b.statusOf("nodea")).isEqualTo(NodeStatus.ACTIVE);
        assertEachGroupOnExactlyOneNode(pair);
        assertThat(pair.a.rsc()).isNotEqualTo("transition");
        assertThat(pair.b.rsc()).isNotEqualTo("transition");
        // no further restarts: the new generations are restarts to each other, not returns
        assertThat(pair.a.membership.restarts()).isEqualTo(1);
        assertThat(pair.b.membership.restarts()).isEqualTo(1);
    }

    @Test
    void withAutoFailbackOnEachHomeNodeGetsItsGroupBack() {
        R1Pair pair = stablePair(AutoFailback.ON);
        pair.partitioned = true;
        pair.advanceSeconds(8);
        pair.partitioned = false;
        pair.advanceSeconds(25);
        assertThat(pair.a.runningGroups).containsExactly("A1");
        assertThat(pair.b.runningGroups).containsExactly("B1");
        assertThat(pair.a.rsc()).isEqualTo("local");
        assertThat(pair.b.rsc()).isEqualTo("local");
    }

    @Test
    void aOneWayPartitionRestartsOnlyTheNodeThatDeclaredItsPeerDead() {
        R1Pair pair = stablePair(AutoFailback.ON);
        long generationA = pair.a.generation;
        pair.b.deaf = true;
        pair.advanceSeconds(8);
        assertThat(pair.b.statusOf("nodea")).isEqualTo(NodeStatus.DEAD);
        assertThat(pair.a.statusOf("nodeb")).isEqualTo(NodeStatus.ACTIVE);
        assertThat(pair.b.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        assertThat(pair.a.runningGroups).containsExactly("A1");

        pair.b.deaf = false;
        pair.advanceSeconds(25);
        assertThat(pair.b.membership.restarts()).isEqualTo(1);
        assertThat(pair.a.membership.restarts()).isZero();
        assertThat(pair.a.generation).isEqualTo(generationA);
        assertThat(pair.a.runningGroups).containsExactly("A1");
        assertThat(pair.b.runningGroups).containsExactly("B1");
    }

    @Test
    void aPeerRestartWithAHigherGenerationDoesNotRestartUs() {
        R1Pair pair = stablePair(AutoFailback.ON);
        long generationB = pair.b.generation;
        pair.a.kill();
        pair.advanceSeconds(8);
        assertThat(pair.b.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        pair.a.start();
        pair.advanceSeconds(20);
        assertThat(pair.b.membership.restarts()).isZero();
        assertThat(pair.b.generation).isEqualTo(generationB);
        assertThat(pair.a.runningGroups).containsExactly("A1");
        assertThat(pair.b.runningGroups).containsExactly("B1");
    }
}
