package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipTest {
    private MembershipHarness h;

    @BeforeEach
    void start() {
        h = new MembershipHarness();
        h.membership.start();
    }

    private Message only(String type) {
        List<Message> of = h.sentOfType(type);
        assertThat(of).as("sent %s", type).hasSize(1);
        return of.get(0);
    }

    private void commUp() {
        h.membership.receive(h.statusA("up"));
        h.advanceMillis(100);
        h.membership.receive(h.fromA(Field.string("t", "repnodes"), Field.string("dest", "nodeb"),
                Field.string("nodelist", "nodea nodeb "), Field.string("delnodelist", " ")));
    }

    @Test
    void startSendsInitThenUpWithPaddedDeadtimeAndProtocol() {
        List<Message> sent = h.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("st")).contains("init");
        assertThat(sent.get(0).get("seq")).contains("1");
        assertThat(sent.get(1).get("st")).contains("up");
        assertThat(sent.get(1).get("seq")).contains("2");
        assertThat(sent.get(0).get("dt")).contains("1f40");
        assertThat(sent.get(0).get("protocol")).contains("1");
        assertThat(sent.get(0).get("hg")).contains("77");
        assertThat(h.membership.localStatus()).isEqualTo(NodeStatus.UP);
    }

    @Test
    void keepaliveEverySecondAndDeadtimeUnpaddedAfterFiveSeconds() {
        h.advanceMillis(6000);
        List<Message> statuses = h.sentOfType("status");
        assertThat(statuses).hasSizeBetween(7, 9);
        assertThat(statuses.get(statuses.size() - 1).get("dt")).contains("1770");
    }

    @Test
    void commUpAsksForTheNodeListAndGoesActiveOnTheAnswer() {
        h.membership.receive(h.statusA("up"));
        h.advanceMillis(100);
        Message reqnodes = only("reqnodes");
        assertThat(reqnodes.get("dest")).contains("nodea");
        assertThat(reqnodes.find("destuuid").orElseThrow().value()).isEqualTo(MembershipHarness.UUID_A);
        h.advanceMillis(1100);
        assertThat(h.sentOfType("reqnodes")).as("resent every second until answered").hasSize(2);
        assertThat(h.membership.localStatus()).isEqualTo(NodeStatus.UP);
        h.membership.receive(h.fromA(Field.string("t", "repnodes"), Field.string("dest", "nodeb"),
                Field.string("nodelist", "nodea nodeb "), Field.string("delnodelist", " ")));
        assertThat(h.membership.localStatus()).isEqualTo(NodeStatus.ACTIVE);
        List<Message> sent = h.sent();
        assertThat(sent.get(sent.size() - 1).get("st")).as("active status sent at once").contains("active");
        assertThat(h.events).contains("up nodea", "local active");
    }

    @Test
    void answersReqnodesWithExactlyTheConfiguredNodes() {
        h.membership.receive(h.fromA(Field.string("t", "reqnodes"), Field.string("dest", "nodeb")));
        Message repnodes = only("repnodes");
        assertThat(repnodes.fields().subList(0, 4)).containsExactly(Field.string("t", "repnodes"), Field.string("dest", "nodea"),
                Field.string("nodelist", "nodea nodeb "), Field.string("delnodelist", " "));
    }

    @Test
    void aloneAfterInitdeadGoesActiveAndDeclaresThePeerDead() {
        h.advanceMillis(11_500);
        assertThat(h.membership.localStatus()).isEqualTo(NodeStatus.UP);
        h.advanceMillis(700);
        assertThat(h.membership.localStatus()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.DEAD);
        assertThat(h.events).contains("dead nodea");
        assertThat(h.sentOfType("reqnodes")).isEmpty();
    }

    @Test
    void peerIsDeclaredDeadAfterItsAdvertisedDeadtimeNotOurs() {
        commUp();
        h.membership.receive(h.fromA(Field.string("t", "status"), Field.string("st", "active"), Field.string("dt", "bb8")));
        h.advanceMillis(2900);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.ACTIVE);
        h.advanceMillis(200);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.DEAD);
        assertThat(h.events).containsSubsequence("nodea up->active", "nodea active->dead", "dead nodea");
    }

    @Test
    void lowerGenerationIsAReplayAndChangesNothing() {
        commUp();
        h.membership.receive(h.statusA("active"));
        int events = h.events.size();
        h.peerGeneration--;
        h.membership.receive(h.fromA(Field.string("t", "status"), Field.string("st", "up"), Field.string("dt", "1770")));
        h.membership.receive(h.fromA(Field.string("t", "starting")));
        assertThat(h.events).hasSize(events);
        assertThat(h.membership.peerGeneration("nodea")).contains(0x6b0644a8L);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.ACTIVE);
    }

    @Test
    void higherGenerationIsARestartAndResetsSequenceTracking() {
        commUp();
        h.membership.receive(h.fromA(10, Field.string("t", "starting")));
        h.peerGeneration++;
        h.membership.receive(h.fromA(1, Field.string("t", "status"), Field.string("st", "init"), Field.string("dt", "1f40")));
        assertThat(h.events).contains("restart nodea", "nodea up->init");
        assertThat(h.membership.peerGeneration("nodea")).contains(0x6b0644a9L);
    }

    @Test
    void duplicatesAreDroppedAndLateOutOfOrderMessagesDeliveredOnce() {
        commUp();
        Message third = h.fromA(3, Field.string("t", "resource"));
        Message fourth = h.fromA(4, Field.string("t", "ask_resources"));
        h.membership.receive(fourth);
        h.membership.receive(fourth);
        h.membership.receive(third);
        h.membership.receive(third);
        assertThat(h.events.stream().filter(e -> e.startsWith("message"))).containsExactly(
                "message ask_resources from nodea", "message resource from nodea");
    }

    @Test
    void gapIsRequestedWithDecimalSeqsUntilFilled() {
        commUp();
        h.membership.receive(h.fromA(30, Field.string("t", "resource")));
        h.advanceMillis(400);
        List<Message> requests = h.sentOfType("NS_rexmit");
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.get("dest")).contains("nodea");
            assertThat(r.find("seq")).isEmpty();
        });
        assertThat(requests.stream().map(r -> r.get("firstseq").orElseThrow()).distinct()).contains("3", "10", "29");
        h.advanceMillis(1000);
        for (long seq = 3; seq < 30; seq++) {
            h.membership.receive(h.fromA(seq, Field.string("t", "x")));
        }
        assertThat(h.events).contains("message x from nodea");
        int afterFill = h.sentOfType("NS_rexmit").size();
        h.advanceMillis(1000);
        assertThat(h.sentOfType("NS_rexmit")).hasSize(afterFill);
    }

    @Test
    void retransmitsTheIdenticalPacketAndNaksWhatItNoLongerHas() {
        byte[] second = h.packets.get(1).clone();
        h.membership.receive(h.fromA(Field.string("t", "NS_rexmit"), Field.string("dest", "nodeb"),
                Field.string("firstseq", "2"), Field.string("lastseq", "2")));
        assertThat(h.packets.get(h.packets.size() - 1)).isEqualTo(second);
        h.membership.receive(h.fromA(Field.string("t", "NS_rexmit"), Field.string("dest", "nodeb"),
                Field.string("firstseq", "2"), Field.string("lastseq", "2")));
        assertThat(h.packets).as("not resent twice within 240 ms").hasSize(3);
        h.membership.receive(h.fromA(Field.string("t", "NS_rexmit"), Field.string("dest", "nodeb"),
                Field.string("firstseq", "999"), Field.string("lastseq", "999")));
        Message nak = only("NS_nak_rexmit");
        assertThat(nak.get("firstseq")).contains("3e7");
        assertThat(nak.get("dest")).contains("nodea");
    }

    @Test
    void acknowledgesInOrderMessagesWhoseSeqMatchesTheTrigger() {
        commUp();
        for (int i = 0; i < 20; i++) {
            h.membership.receive(h.statusA("active"));
        }
        List<Message> acks = h.sentOfType("NS_ackmsg");
        assertThat(acks).hasSize(2);
        long first = Long.parseLong(acks.get(0).get("ackseq").orElseThrow(), 16);
        long second = Long.parseLong(acks.get(1).get("ackseq").orElseThrow(), 16);
        assertThat(second - first).isEqualTo(10);
        assertThat(acks.get(0).get("dest")).contains("nodea");
    }

    @Test
    void messagesForAnotherNodeAreTrackedButNotActedOn() {
        commUp();
        h.membership.receive(h.fromA(Field.string("t", "reqnodes"), Field.string("dest", "nodec")));
        h.membership.receive(h.fromA(Field.string("t", "resource"), Field.string("dest", "nodec")));
        assertThat(h.sentOfType("repnodes")).isEmpty();
        assertThat(h.events).noneMatch(e -> e.startsWith("message"));
    }

    @Test
    void answersClientStatusQueriesWithOfflineSoIpfailSeesNoPartner() {
        h.membership.receive(h.fromA(Field.string("t", "query-cstatus"), Field.string("dest", "nodeb"),
                Field.string("cn", "ipfail"), Field.string("from_id", "ipfail")));
        Message reply = only("respond-cstatus");
        assertThat(reply.fields().subList(0, 6)).containsExactly(Field.string("t", "respond-cstatus"), Field.string("dest", "nodea"),
                Field.string("result", "OK"), Field.string("cn", "ipfail"), Field.string("to_id", "ipfail"), Field.string("cs", "offline"));
    }

    @Test
    void shutdownAnnouncesShutdoneAndThenStaysSilent() {
        h.membership.shutdown();
        Message last = h.sent().get(h.sent().size() - 1);
        assertThat(last.type()).isEqualTo("shutdone");
        assertThat(last.get("st")).contains("dead");
        int count = h.packets.size();
        h.advanceMillis(3000);
        assertThat(h.packets).hasSize(count);
    }
}
