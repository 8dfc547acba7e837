package lvsdirector.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds one netlink message: header, optional genl header, attributes (nested ones too). Header fields are in
 * host order; the few network-order payloads have their own methods. The sequence number and port id are left
 * at 0: {@link NetlinkChannel} fills in the sequence number when it sends the message.
 */
public final class MessageWriter {
    private ByteBuffer buf;
    private final Deque<Integer> openNests = new ArrayDeque<>();

    private MessageWriter(int type, int flags) {
        buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    public static MessageWriter message(int type, int flags) {
        return new MessageWriter(type, flags);
    }

    /** A generic-netlink message: netlink header plus genl header {cmd, version, 0}. */
    public static MessageWriter genl(int familyId, int flags, int command, int version) {
        MessageWriter w = new MessageWriter(familyId, flags);
        w.ensure(4);
        w.buf.put((byte) command).put((byte) version).putShort((short) 0);
        return w;
    }

    /**
     * Appends a family's fixed header (rtnetlink's ifinfomsg or ifaddrmsg), padded to 4 bytes. Call it first,
     * before any attribute.
     */
    public MessageWriter fixedHeader(byte[] header) {
        ensure(Netlink.align(header.length));
        buf.put(header);
        return pad();
    }

    public MessageWriter u8(int type, int value) {
        attribute(type, 1);
        buf.put((byte) value);
        return pad();
    }

    public MessageWriter u16(int type, int value) {
        attribute(type, 2);
        buf.putShort((short) value);
        return pad();
    }

    /** A 16-bit value in network byte order (ports). */
    public MessageWriter u16BigEndian(int type, int value) {
        attribute(type, 2);
        buf.put((byte) (value >>> 8)).put((byte) value);
        return pad();
    }

    public MessageWriter u32(int type, int value) {
        attribute(type, 4);
        buf.putInt(value);
        return pad();
    }

    /** A 32-bit value in network byte order (IPv4 netmasks). */
    public MessageWriter u32BigEndian(int type, int value) {
        attribute(type, 4);
        buf.put((byte) (value >>> 24)).put((byte) (value >>> 16)).put((byte) (value >>> 8)).put((byte) value);
        return pad();
    }

    public MessageWriter u64(int type, long value) {
        attribute(type, 8);
        buf.putLong(value);
        return pad();
    }

    public MessageWriter bytes(int type, byte[] value) {
        attribute(type, value.length);
        buf.put(value);
        return pad();
    }

    /** A NUL-terminated string. */
    public MessageWriter string(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        attribute(type, text.length + 1);
        buf.put(text).put((byte) 0);
        return pad();
    }

    /** Opens a nested attribute (sets NLA_F_NESTED, as libnl does); close it with {@link #endNested()}. */
    public MessageWriter beginNested(int type) {
        ensure(4);
        openNests.push(buf.position());
        buf.putShort((short) 0).putShort((short) (type | Netlink.NLA_F_NESTED));
        return this;
    }

    public MessageWriter endNested() {
        if (openNests.isEmpty()) {
            throw new IllegalStateException("no nested attribute open");
        }
        int start = openNests.pop();
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    /** The finished message, with its length field set. */
    public byte[] build() {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException(openNests.size() + " nested attribute(s) still open");
        }
        buf.putInt(0, buf.position());
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private void attribute(int type, int payloadLength) {
        if (payloadLength > 0xffff - Netlink.ATTR_HEADER_LENGTH) {
            throw new IllegalArgumentException("attribute " + type + " too long: " + payloadLength + " bytes");
        }
        ensure(Netlink.align(Netlink.ATTR_HEADER_LENGTH + payloadLength));
        buf.putShort((short) (Netlink.ATTR_HEADER_LENGTH + payloadLength)).putShort((short) type);
    }

    private MessageWriter pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
        return this;
    }

    private void ensure(int more) {
        if (buf.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more))
                    .order(ByteOrder.nativeOrder());
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }
}
