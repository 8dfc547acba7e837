package lvsdirector.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Request/reply on one {@link NetlinkSocket}. Gives every request the next sequence number and reads until that
 * request is complete: the ACK (an error message with code 0), NLMSG_DONE of a dump, or the data message of a
 * request without NLM_F_ACK. The ACK that follows data of a DO request is drained, so it can never be mistaken
 * for the next request's answer. Replies with another sequence number (stale ACKs, tails of an abandoned dump) or
 * another port id are skipped. A negative error code becomes a {@link NetlinkErrnoException}.
 *
 * <p>Not thread-safe; callers serialize.
 */
public final class NetlinkChannel implements AutoCloseable {
    private final NetlinkSocket socket;
    private int nextSeq;
    private long skippedMessages;

    public NetlinkChannel(NetlinkSocket socket, int firstSeq) {
        this.socket = socket;
        this.nextSeq = firstSeq;
    }

    public NetlinkSocket socket() {
        return socket;
    }

    /** Messages skipped so far because they answered an earlier request or came from elsewhere. */
    public long skippedMessages() {
        return skippedMessages;
    }

    /**
     * Sends one request (built by {@link MessageWriter}) and returns its data messages (none for a plain ACK).
     */
    public List<NetlinkMessage> request(byte[] message) throws NetlinkException {
        int seq = nextSeq++;
        int flags = flagsOf(message);
        socket.send(withSeq(message, seq));
        boolean dump = (flags & Netlink.NLM_F_DUMP) != 0;
        boolean ackRequested = (flags & Netlink.NLM_F_ACK) != 0;
        List<NetlinkMessage> data = new ArrayList<>();
        while (true) {
            for (NetlinkMessage m : NetlinkMessage.split(socket.receive())) {
                if (!isOurs(m, seq)) {
                    skippedMessages++;
                    continue;
                }
                switch (m.type()) {
                    case Netlink.NLMSG_NOOP:
                        continue;
                    case Netlink.NLMSG_ERROR:
                        int code = m.errorCode();
                        if (code == 0) {
                            return data;
                        }
                        throw new NetlinkErrnoException(-code, "netlink request type " + typeOf(message) + " refused");
                    case Netlink.NLMSG_DONE:
                        int status = m.payload().remaining() >= 4 ? m.errorCode() : 0;
                        if (status < 0) {
                            throw new NetlinkErrnoException(-status, "netlink dump type " + typeOf(message) + " failed");
                        }
                        return data;
                    case Netlink.NLMSG_OVERRUN:
                        throw new NetlinkDecodeException("netlink overrun: data was lost");
                    default:
                        data.add(m);
                        if (!dump && !m.hasFlag(Netlink.NLM_F_MULTI) && !ackRequested) {
                            return data;
                        }
                }
            }
        }
    }

    /**
     * Sends requests that are answered by a plain ACK, several per datagram, keeping at most {@code window}
     * unanswered, and returns each one's outcome in order: null for success, the exception otherwise. If the
     * kernel drops ACKs (ENOBUFS), the requests whose answer was lost are reported as such: they may or may not
     * have been executed.
     */
    public List<NetlinkException> requestAll(List<byte[]> messages, int window, int maxDatagramBytes)
            throws NetlinkException {
        int n = messages.size();
        NetlinkException[] outcome = new NetlinkException[n];
        boolean[] answered = new boolean[n];
        int base = nextSeq;
        nextSeq += n;
        int sent = 0;
        int done = 0;
        int inFlight = 0;
        while (done < n) {
            // refill only once half the window is answered, so that requests travel many to a datagram
            if (sent < n && inFlight <= window / 2) {
                ByteBuffer datagram = ByteBuffer.allocate(maxDatagramBytes).order(ByteOrder.nativeOrder());
                do {
                    byte[] m = messages.get(sent);
                    if (datagram.position() > 0 && datagram.remaining() < m.length) {
                        break;
                    }
                    if (m.length > datagram.remaining()) {
                        datagram = ByteBuffer.allocate(m.length).order(ByteOrder.nativeOrder());
                    }
                    datagram.put(withSeq(m, base + sent).array());
                    sent++;
                    inFlight++;
                } while (sent < n && inFlight < window);
                datagram.flip();
                socket.send(datagram);
            }
            List<NetlinkMessage> replies;
            try {
                replies = NetlinkMessage.split(socket.receive());
            } catch (NetlinkErrnoException e) {
                if (!e.is(Errno.ENOBUFS)) {
                    throw e;
                }
                for (int i = 0; i < sent; i++) {
                    if (!answered[i]) {
                        answered[i] = true;
                        done++;
                        outcome[i] = new NetlinkErrnoException(Errno.ENOBUFS,
                                "answer lost (receive queue overflow), outcome unknown");
                    }
                }
                inFlight = 0;
                continue;
            }
            for (NetlinkMessage m : replies) {
                int index = m.seq() - base;
                if (m.type() != Netlink.NLMSG_ERROR || index < 0 || index >= sent || answered[index]
                        || (m.portId() != socket.portId() && m.portId() != 0)) {
                    skippedMessages++;
                    continue;
                }
                int code = m.errorCode();
                answered[index] = true;
                done++;
                inFlight--;
                if (code != 0) {
                    outcome[index] = new NetlinkErrnoException(-code, "netlink request type "
                            + typeOf(messages.get(index)) + " refused");
                }
            }
        }
        List<NetlinkException> result = new ArrayList<>(n);
        for (NetlinkException e : outcome) {
            result.add(e);
        }
        return result;
    }

    @Override
    public void close() {
        socket.close();
    }

    private boolean isOurs(NetlinkMessage m, int seq) {
        return m.seq() == seq && (m.portId() == socket.portId() || m.portId() == 0);
    }

    private static ByteBuffer withSeq(byte[] message, int seq) {
        if (message.length < Netlink.HEADER_LENGTH) {
            throw new IllegalArgumentException("not a netlink message: " + message.length + " bytes");
        }
        ByteBuffer copy = ByteBuffer.wrap(message.clone()).order(ByteOrder.nativeOrder());
        copy.putInt(8, seq);
        return copy;
    }

    private static int flagsOf(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).getShort(6) & 0xffff;
    }

    private static int typeOf(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).getShort(4) & 0xffff;
    }
}
