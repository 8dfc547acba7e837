package lvsdirector.heartbeat.r1;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import lvsdirector.heartbeat.config.AutoFailback;
import lvsdirector.testing.LoggedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Legacy mode's race, as heartbeat 3.0.6 has it: a home node that finds no other active node at its comm-up
 * answers its own request ({@code ip-request-resp dest=<itself>}) and starts its group while the other node
 * still runs it. heartbeat drops that message (dest is not the holder) and keeps the group; so do we, with a
 * WARN that says both nodes run it.
 */
class LegacyDoubleOwnershipTest {
    @RegisterExtension
    final LoggedEvents logged = LoggedEvents.of(LegacyRequests.class);

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The ip-request-resp messages {@code node} addressed to itself: "dest ipaddr weown". */
    private static List<String> selfAnswers(R1Pair.Node node) {
        return node.sent.stream().filter(m -> m.type().equals("ip-request-resp") && m.get("dest").orElse("").equals(node.name))
                .map(m -> m.get("dest").orElse("") + " " + m.get("ipaddr").orElse("") + " " + m.get("weown").orElse("")).toList();
    }

    /** nodea killed, nodeb took A1 over; nodea restarts deaf (it hears nothing, but nodeb hears it). */
    private static R1Pair nodeaBackAloneWhileNodebRunsItsGroup() {
        R1Pair pair = R1Pair.settled(AutoFailback.LEGACY);
        pair.a.kill();
        pair.advanceSeconds(8);
        assertThat(pair.b.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        pair.actions.clear();
        pair.a.sent.clear();
        pair.a.deaf = true;
        pair.a.start();
        pair.advanceSeconds(16); // past initdead (12 s): nodea is alone and takes everything
        return pair;
    }

    @Test
    void aHomeNodeAloneAtItsStartAnswersItselfAndTheHolderKeepsTheGroupWithAWarning() {
        R1Pair pair = nodeaBackAloneWhileNodebRunsItsGroup();
        assertThat(selfAnswers(pair.a)).containsExactly("nodea A1 yes");
        assertThat(pair.a.r1Sent()).noneMatch(m -> m.startsWith("ip-request "));
        assertThat(pair.a.runningGroups).containsExactlyInAnyOrder("A1", "B1");
        // heartbeat's holder drops the message (dest is not it): nodeb stops nothing
        assertThat(pair.actions).doesNotContain("nodeb stop A1");
        assertThat(pair.b.runningGroups).contains("A1");
        assertThat(warnings()).singleElement().asString().contains("nodea took its resource group A1 without asking")
                .contains("both nodes run it").contains("auto_failback on or off");
    }

    @Test
    void noWarningWhenTheHomeNodeAsksAndGetsItsGroupBack() {
        R1Pair pair = R1Pair.settled(AutoFailback.LEGACY);
        pair.a.kill();
        pair.advanceSeconds(8);
        pair.a.sent.clear();
        pair.a.start();
        pair.advanceSeconds(6);
        assertThat(pair.a.runningGroups).containsExactly("A1");
        assertThat(pair.b.runningGroups).containsExactly("B1");
        assertThat(selfAnswers(pair.a)).isEmpty();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void noWarningWhenWeDoNotRunTheGroupTheHomeNodeTookAlone() {
        R1Pair pair = R1Pair.settled(AutoFailback.LEGACY);
        pair.a.kill();
        pair.b.kill(); // both gone: nothing runs A1 any more
        pair.advanceSeconds(1);
        pair.b.start();
        pair.advanceSeconds(1);
        pair.a.deaf = true;
        pair.a.start();
        pair.advanceSeconds(16);
        assertThat(pair.a.runningGroups).contains("A1");
        assertThat(pair.b.runningGroups).doesNotContain("A1");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aResponseOfTheHomeNodeToUsIsNoDoubleOwnership() {
        R1Pair pair = nodeaBackAloneWhileNodebRunsItsGroup();
        logged.list.clear();
        pair.a.manager.send(R1Messages.ipRequestResponse("nodea", "B1", true)); // not its group: B1's home is nodeb
        pair.a.manager.send(R1Messages.ipRequestResponse("nodea", "unknown::x", true));
        pair.advanceSeconds(1);
        assertThat(warnings()).isEmpty();
    }
}
