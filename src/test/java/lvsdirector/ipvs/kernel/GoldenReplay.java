package lvsdirector.ipvs.kernel;

import lvsdirector.netlink.FakeNetlinkSocket;
import lvsdirector.netlink.Netlink;
import lvsdirector.netlink.NetlinkChannel;
import lvsdirector.netlink.NetlinkException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake socket that plays the kernel's side of golden captures: family resolution (file 00), then each captured
 * exchange in order, checking our request bytes against ipvsadm's. Where ipvsadm never read the ACK that follows
 * data of a DO request, the kernel's ACK is added, as the real kernel queues it.
 */
final class GoldenReplay {
    private GoldenReplay() {}

    static FakeNetlinkSocket socketFor(String... files) {
        FakeNetlinkSocket socket = new FakeNetlinkSocket(0x4f4002c3);
        GoldenCapture.Exchange family = GoldenCapture.load("00-family-resolution").exchange("GETFAMILY");
        socket.expect(family.request(), family.replies().toArray(new byte[0][]));
        for (String file : files) {
            for (GoldenCapture.Exchange e : GoldenCapture.load(file).exchanges()) {
                socket.expect(e.request(), withAck(e).toArray(new byte[0][]));
            }
        }
        return socket;
    }

    static KernelIpvsBackend backendFor(FakeNetlinkSocket socket) throws NetlinkException {
        return KernelIpvsBackend.connect(new NetlinkChannel(socket, 1000));
    }

    private static List<byte[]> withAck(GoldenCapture.Exchange e) {
        List<byte[]> replies = new ArrayList<>(e.replies());
        ByteBuffer request = ByteBuffer.wrap(e.request()).order(ByteOrder.nativeOrder());
        boolean dump = (request.getShort(6) & Netlink.NLM_F_DUMP) != 0;
        boolean ackRequested = (request.getShort(6) & Netlink.NLM_F_ACK) != 0;
        byte[] last = replies.isEmpty() ? null : replies.get(replies.size() - 1);
        boolean endsWithError = last != null && (ByteBuffer.wrap(last).order(ByteOrder.nativeOrder()).getShort(4)) == Netlink.NLMSG_ERROR;
        if (!dump && ackRequested && !endsWithError) {
            replies.add(FakeNetlinkSocket.ack());
        }
        return replies;
    }
}
