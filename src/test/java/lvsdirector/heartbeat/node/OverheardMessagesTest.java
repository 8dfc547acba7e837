package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages another node addressed to someone else reach the listener only as overheard, never as messages. */
class OverheardMessagesTest {
    private MembershipHarness h;

    @BeforeEach
    void start() {
        h = new MembershipHarness();
        h.membership.start();
        h.membership.receive(h.statusA("active"));
        h.events.clear();
    }

    private Message ipRequestResponse(String dest) {
        return h.fromA(Field.string("t", "ip-request-resp"), Field.string("dest", dest), Field.string("ipaddr", "IPaddr::10.0.0.1"),
                Field.string("weown", "yes"), Field.string("ok", "OK"));
    }

    @Test
    void aMessageThePeerAddressedToItselfIsOverheardNotDelivered() {
        h.membership.receive(ipRequestResponse("nodea"));
        assertThat(h.events).containsExactly("overheard ip-request-resp from nodea to nodea");
    }

    @Test
    void aMessageAddressedToUsOrToEverybodyIsDelivered() {
        h.membership.receive(ipRequestResponse("nodeb"));
        h.membership.receive(h.fromA(Field.string("t", "ip-request"), Field.string("ipaddr", "IPaddr::10.0.0.2")));
        assertThat(h.events).containsExactly("message ip-request-resp from nodea", "message ip-request from nodea");
    }

    @Test
    void aDuplicateOfAnOverheardMessageIsDroppedLikeAnyDuplicate() {
        Message once = ipRequestResponse("nodea");
        h.membership.receive(once);
        h.membership.receive(once);
        assertThat(h.events).containsExactly("overheard ip-request-resp from nodea to nodea");
    }

    @Test
    void aDestinationUuidOfAnotherNodeMakesTheMessageOverheardWhateverItsName() {
        byte[] otherUuid = new byte[16];
        otherUuid[0] = 0x0c;
        h.membership.receive(h.fromA(Field.string("t", "ip-request-resp"), Field.string("dest", "nodeb"),
                Field.binary("destuuid", otherUuid), Field.string("ipaddr", "IPaddr::10.0.0.1")));
        assertThat(h.events).containsExactly("overheard ip-request-resp from nodea to nodeb");
    }
}
