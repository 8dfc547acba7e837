package lvsdirector.bench;

import lvsdirector.netlink.NetlinkException;
import lvsdirector.netlink.NetlinkSocket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A netlink socket that counts the requests (netlink messages, several may share a datagram) sent through it. */
final class CountingSocket implements NetlinkSocket {
    private final NetlinkSocket socket;
    private long requests;

    CountingSocket(NetlinkSocket socket) {
        this.socket = socket;
    }

    long requests() {
        return requests;
    }

    @Override
    public int portId() {
        return socket.portId();
    }

    @Override
    public void send(ByteBuffer datagram) throws NetlinkException {
        requests += messagesIn(datagram.duplicate().order(ByteOrder.nativeOrder()));
        socket.send(datagram);
    }

    /** Walks nlmsghdr.nlmsg_len (aligned to 4) through the datagram. */
    static int messagesIn(ByteBuffer b) {
        int count = 0;
        int at = b.position();
        while (b.limit() - at >= 16) {
            int length = b.getInt(at);
            if (length < 16) {
                break;
            }
            count++;
            at += (length + 3) & ~3;
        }
        return count;
    }

    @Override
    public ByteBuffer receive() throws NetlinkException {
        return socket.receive();
    }

    @Override
    public void close() {
        socket.close();
    }
}
