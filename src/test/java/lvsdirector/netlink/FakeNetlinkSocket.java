package lvsdirector.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A scripted {@link NetlinkSocket}: each request sent is checked against the next scripted exchange (bytes 8..15,
 * seq and port id, masked) and answered with its reply datagrams, whose seq and port id are rewritten to match
 * the request, as the kernel would. Raw datagrams can also be queued as they are (stale or foreign replies).
 * With nothing left to deliver, receive() times out.
 */
public final class FakeNetlinkSocket implements NetlinkSocket {
    private final int portId;
    private final Deque<Exchange> script = new ArrayDeque<>();
    private final Deque<Object> inbox = new ArrayDeque<>();
    private final List<byte[]> sent = new ArrayList<>();
    private int datagramsSent;
    private boolean closed;
    private NetlinkException failureAfterSend;

    private record Exchange(byte[] expectedRequest, List<byte[]> replies) {}

    public FakeNetlinkSocket(int portId) {
        this.portId = portId;
    }

    /** The next request must equal {@code expectedRequest} (null: anything); it is answered with {@code replies}. */
    public FakeNetlinkSocket expect(byte[] expectedRequest, byte[]... replies) {
        script.add(new Exchange(expectedRequest, List.of(replies)));
        return this;
    }

    /** Delivers this datagram as it is, before the answers of later requests. */
    public FakeNetlinkSocket queue(byte[] datagram) {
        inbox.add(datagram.clone());
        return this;
    }

    /** The next receive() fails with this exception. */
    public FakeNetlinkSocket queueFailure(NetlinkException failure) {
        inbox.add(failure);
        return this;
    }

    /** After the next send has been answered, receive() fails with this (e.g. ENOBUFS after lost answers). */
    public FakeNetlinkSocket failAfterNextSend(NetlinkException failure) {
        failureAfterSend = failure;
        return this;
    }

    public List<byte[]> sentMessages() {
        return sent;
    }

    public int datagramsSent() {
        return datagramsSent;
    }

    public boolean scriptDone() {
        return script.isEmpty();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public void send(ByteBuffer datagram) {
        datagramsSent++;
        ByteBuffer in = datagram.duplicate().order(ByteOrder.nativeOrder());
        while (in.remaining() >= Netlink.HEADER_LENGTH) {
            int start = in.position();
            int length = in.getInt(start);
            byte[] message = new byte[length];
            in.get(message);
            sent.add(message);
            answer(message);
            in.position(Math.min(in.limit(), start + Netlink.align(length)));
        }
        if (failureAfterSend != null) {
            inbox.add(failureAfterSend);
            failureAfterSend = null;
        }
    }

    private void answer(byte[] request) {
        Exchange next = script.poll();
        if (next == null) {
            return;
        }
        if (next.expectedRequest() != null && !Arrays.equals(masked(next.expectedRequest()), masked(request))) {
            throw new AssertionError("unexpected request\n expected " + HexFormat.ofDelimiter(" ").formatHex(masked(next.expectedRequest()))
                    + "\n but sent " + HexFormat.ofDelimiter(" ").formatHex(masked(request)));
        }
        int seq = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()).getInt(8);
        for (byte[] reply : next.replies()) {
            inbox.add(readdressed(reply, seq));
        }
    }

    private byte[] readdressed(byte[] datagram, int seq) {
        ByteBuffer b = ByteBuffer.wrap(datagram.clone()).order(ByteOrder.nativeOrder());
        int at = 0;
        while (at + Netlink.HEADER_LENGTH <= b.limit()) {
            int length = b.getInt(at);
            if (length < Netlink.HEADER_LENGTH || at + length > b.limit()) {
                break; // deliberately broken test datagram: deliver the rest untouched
            }
            b.putInt(at + 8, seq).putInt(at + 12, portId);
            if ((b.getShort(at + 4) & 0xffff) == Netlink.NLMSG_ERROR && length >= 36) {
                b.putInt(at + 28, seq);
            }
            at += Netlink.align(length);
        }
        return b.array();
    }

    @Override
    public ByteBuffer receive() throws NetlinkException {
        Object next = inbox.poll();
        if (next == null) {
            throw new NetlinkTimeoutException("fake socket: nothing to receive");
        }
        if (next instanceof NetlinkException e) {
            throw e;
        }
        return ByteBuffer.wrap((byte[]) next).order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Bytes 8..15 (seq, port id) zeroed. */
    public static byte[] masked(byte[] message) {
        byte[] copy = message.clone();
        Arrays.fill(copy, 8, Math.min(16, copy.length), (byte) 0);
        return copy;
    }

    /** An ACK (NLMSG_ERROR with code 0, NLM_F_CAPPED) as the kernel sends it; seq/pid are filled in on delivery. */
    public static byte[] ack() {
        return error(0);
    }

    /** An NLMSG_ERROR carrying -errno (0 = ACK) and an echoed 16-byte header. */
    public static byte[] error(int errno) {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        b.putInt(36).putShort((short) Netlink.NLMSG_ERROR).putShort((short) (errno == 0 ? Netlink.NLM_F_CAPPED : 0))
                .putInt(0).putInt(0).putInt(-errno).putInt(20).putShort((short) 0x1c).putShort((short) 5).putInt(0).putInt(0);
        return b.array();
    }

    /** A bare message of the given type and flags with a 4-byte payload (NLMSG_DONE, data...). */
    public static byte[] message(int type, int flags, int payloadInt) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putInt(20).putShort((short) type).putShort((short) flags).putInt(0).putInt(0).putInt(payloadInt);
        return b.array();
    }

    /** Concatenates messages into one datagram. */
    public static byte[] datagram(byte[]... messages) {
        int total = 0;
        for (byte[] m : messages) {
            total += Netlink.align(m.length);
        }
        ByteBuffer b = ByteBuffer.allocate(total);
        for (byte[] m : messages) {
            b.put(m);
            b.position(Netlink.align(b.position()));
        }
        return b.array();
    }
}
