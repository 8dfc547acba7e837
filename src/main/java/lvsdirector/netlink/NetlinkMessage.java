package lvsdirector.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: header fields and its payload (everything after the 16-byte header, copied, so
 * it outlives the receive buffer).
 */
public record NetlinkMessage(int type, int flags, int seq, int portId, ByteBuffer payload) {

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** The payload as a fresh read-only buffer positioned at its start, in native order. */
    @Override
    public ByteBuffer payload() {
        return payload.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * The error code of an NLMSG_ERROR or NLMSG_DONE message: 0 for an ACK, a negative errno for a failure.
     */
    public int errorCode() throws NetlinkDecodeException {
        if (payload.remaining() < 4) {
            throw new NetlinkDecodeException("netlink message type " + type + " has " + payload.remaining()
                    + " payload bytes, too short for an error code");
        }
        return payload().getInt(0);
    }

    /** Splits a datagram into its messages. Every message's length is checked against the datagram. */
    public static List<NetlinkMessage> split(ByteBuffer datagram) throws NetlinkDecodeException {
        ByteBuffer in = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        while (in.remaining() > 0) {
            int start = in.position();
            if (in.remaining() < Netlink.HEADER_LENGTH) {
                throw new NetlinkDecodeException("truncated netlink header: " + in.remaining()
                        + " bytes left at offset " + (start - datagram.position()));
            }
            int length = in.getInt(start);
            if (length < Netlink.HEADER_LENGTH || length > in.remaining()) {
                throw new NetlinkDecodeException("bad netlink message length " + Integer.toUnsignedString(length)
                        + " at offset " + (start - datagram.position()) + " (" + in.remaining() + " bytes left)");
            }
            int type = in.getShort(start + 4) & 0xffff;
            int flags = in.getShort(start + 6) & 0xffff;
            int seq = in.getInt(start + 8);
            int portId = in.getInt(start + 12);
            byte[] body = new byte[length - Netlink.HEADER_LENGTH];
            in.position(start + Netlink.HEADER_LENGTH);
            in.get(body);
            messages.add(new NetlinkMessage(type, flags, seq, portId, ByteBuffer.wrap(body).order(ByteOrder.nativeOrder())));
            in.position(Math.min(in.limit(), start + Netlink.align(length)));
        }
        return messages;
    }
}
