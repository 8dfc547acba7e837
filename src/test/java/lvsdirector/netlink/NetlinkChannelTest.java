package lvsdirector.netlink;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static lvsdirector.netlink.FakeNetlinkSocket.ack;
import static lvsdirector.netlink.FakeNetlinkSocket.datagram;
import static lvsdirector.netlink.FakeNetlinkSocket.error;
import static lvsdirector.netlink.FakeNetlinkSocket.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request/receive loop against scripted replies: dumps, ACK draining, stale and foreign replies, errors. */
class NetlinkChannelTest {
    private static final int PORT = 4242;
    private static final int FAMILY = 28;
    private final FakeNetlinkSocket socket = new FakeNetlinkSocket(PORT);
    private final NetlinkChannel channel = new NetlinkChannel(socket, 100);

    private static byte[] doRequest() {
        return MessageWriter.genl(FAMILY, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 15, 1).build();
    }

    private static byte[] dumpRequest() {
        return MessageWriter.genl(FAMILY, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_DUMP, 4, 1).build();
    }

    private static byte[] data(int value, int flags) {
        return message(FAMILY, flags, value);
    }

    private static int valueOf(NetlinkMessage m) {
        return m.payload().getInt(0);
    }

    @Test
    void multiPartDumpWithSeveralMessagesPerDatagramEndsAtDone() throws Exception {
        socket.expect(null,
                datagram(data(1, Netlink.NLM_F_MULTI), data(2, Netlink.NLM_F_MULTI), data(3, Netlink.NLM_F_MULTI)),
                datagram(data(4, Netlink.NLM_F_MULTI)),
                message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 0));
        List<NetlinkMessage> replies = channel.request(dumpRequest());
        assertThat(replies).extracting(NetlinkChannelTest::valueOf).containsExactly(1, 2, 3, 4);
    }

    @Test
    void emptyDumpIsJustDone() throws Exception {
        socket.expect(null, message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 0));
        assertThat(channel.request(dumpRequest())).isEmpty();
    }

    @Test
    void dataOfADoRequestIsFollowedByItsAckWhichIsDrained() throws Exception {
        socket.expect(null, data(7, 0), ack());
        socket.expect(null, ack());
        assertThat(channel.request(doRequest())).extracting(NetlinkChannelTest::valueOf).containsExactly(7);
        assertThat(channel.request(doRequest())).isEmpty();
        assertThat(channel.skippedMessages()).isZero();
    }

    @Test
    void staleAckOfAnEarlierRequestIsSkipped() throws Exception {
        byte[] staleAck = ack();
        ByteBuffer.wrap(staleAck).order(ByteOrder.nativeOrder()).putInt(8, 99).putInt(12, PORT);
        socket.queue(staleAck);
        socket.expect(null, data(5, 0), ack());
        assertThat(channel.request(doRequest())).extracting(NetlinkChannelTest::valueOf).containsExactly(5);
        assertThat(channel.skippedMessages()).isEqualTo(1);
    }

    @Test
    void replyForAnotherPortIsSkipped() throws Exception {
        byte[] foreign = error(17);
        ByteBuffer.wrap(foreign).order(ByteOrder.nativeOrder()).putInt(8, 100).putInt(12, PORT + 1);
        socket.queue(foreign);
        socket.expect(null, ack());
        assertThat(channel.request(doRequest())).isEmpty();
        assertThat(channel.skippedMessages()).isEqualTo(1);
    }

    @Test
    void negativeErrorCodeIsATypedErrno() {
        socket.expect(null, error(Errno.EEXIST));
        assertThatThrownBy(() -> channel.request(doRequest()))
                .isInstanceOfSatisfying(NetlinkErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageContaining("EEXIST (17)");
    }

    @Test
    void failedDumpReportsTheErrnoCarriedByDone() {
        socket.expect(null, data(1, Netlink.NLM_F_MULTI), message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, -Errno.EBUSY));
        assertThatThrownBy(() -> channel.request(dumpRequest()))
                .isInstanceOfSatisfying(NetlinkErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
    }

    @Test
    void noReplyIsATimeoutNotAnEmptyResult() {
        socket.expect(null);
        assertThatThrownBy(() -> channel.request(doRequest())).isInstanceOf(NetlinkTimeoutException.class);
    }

    @Test
    void messageLongerThanItsDatagramIsADecodeError() {
        byte[] cut = data(1, Netlink.NLM_F_MULTI);
        ByteBuffer.wrap(cut).order(ByteOrder.nativeOrder()).putInt(0, 400);
        socket.expect(null, cut);
        assertThatThrownBy(() -> channel.request(dumpRequest()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("bad netlink message length 400");
    }

    @Test
    void garbageShorterThanAHeaderIsADecodeError() {
        socket.expect(null, new byte[] {1, 2, 3, 4, 5, 6, 7});
        assertThatThrownBy(() -> channel.request(doRequest()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("truncated netlink header");
    }

    @Test
    void errorMessageWithoutCodeIsADecodeError() {
        byte[] bare = new byte[16];
        ByteBuffer.wrap(bare).order(ByteOrder.nativeOrder()).putInt(0, 16).putShort(4, (short) Netlink.NLMSG_ERROR);
        socket.expect(null, bare);
        assertThatThrownBy(() -> channel.request(doRequest()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("too short for an error code");
    }

    @Test
    void tailOfAnAbandonedDumpDoesNotLeakIntoTheNextRequest() throws Exception {
        socket.expect(null, datagram(data(1, Netlink.NLM_F_MULTI)), new byte[] {9, 9, 9});
        assertThatThrownBy(() -> channel.request(dumpRequest())).isInstanceOf(NetlinkDecodeException.class);
        // the kernel goes on with the old dump (seq 100) before it answers the next request (seq 101)
        byte[] oldPart = data(2, Netlink.NLM_F_MULTI);
        byte[] oldDone = message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 0);
        for (byte[] m : List.of(oldPart, oldDone)) {
            ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).putInt(8, 100).putInt(12, PORT);
            socket.queue(m);
        }
        socket.expect(null, data(42, 0), ack());
        assertThat(channel.request(doRequest())).extracting(NetlinkChannelTest::valueOf).containsExactly(42);
        assertThat(channel.skippedMessages()).isEqualTo(2);
    }

    @Test
    void requestsCarryConsecutiveSequenceNumbers() throws Exception {
        socket.expect(null, ack()).expect(null, ack());
        channel.request(doRequest());
        channel.request(doRequest());
        assertThat(socket.sentMessages()).extracting(m -> ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).getInt(8))
                .containsExactly(100, 101);
    }

    @Test
    void pipelinedRequestsShareDatagramsAndReportEachOutcome() throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(doRequest());
            socket.expect(null, i % 50 == 7 ? error(Errno.EEXIST) : ack());
        }
        List<NetlinkException> outcomes = channel.requestAll(requests, 64, 16 * 1024);
        assertThat(outcomes).hasSize(200);
        for (int i = 0; i < 200; i++) {
            if (i % 50 == 7) {
                assertThat(outcomes.get(i)).as("outcome " + i).isInstanceOfSatisfying(NetlinkErrnoException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
            } else {
                assertThat(outcomes.get(i)).as("outcome " + i).isNull();
            }
        }
        assertThat(socket.datagramsSent()).isBetween(2, 10);
    }

    @Test
    void lostAcksAreReportedAsUnknownOutcomesNotAsSuccess() throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(doRequest());
        }
        socket.expect(null, ack()).expect(null, ack()); // the first two answers arrive, the other eight are lost
        for (int i = 2; i < 10; i++) {
            socket.expect(null, new byte[0][]);
        }
        socket.failAfterNextSend(new NetlinkErrnoException(Errno.ENOBUFS, "netlink receive"));
        List<NetlinkException> outcomes = channel.requestAll(requests, 64, 16 * 1024);
        assertThat(outcomes.subList(0, 2)).containsOnlyNulls();
        assertThat(outcomes.subList(2, 10)).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(NetlinkErrnoException.class,
                n -> assertThat(n.errno()).isEqualTo(Errno.ENOBUFS)).hasMessageContaining("outcome unknown"));
    }
}
