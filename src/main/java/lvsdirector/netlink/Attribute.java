package lvsdirector.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One netlink attribute: its type (NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off) and payload. The typed
 * accessors insist on the exact payload size, so a mis-sized attribute is a decode error, never a wrong value.
 */
public record Attribute(int type, ByteBuffer payload) {

    public int length() {
        return payload.remaining();
    }

    public int u8() throws NetlinkDecodeException {
        return view(1).get() & 0xff;
    }

    public int u16() throws NetlinkDecodeException {
        return view(2).getShort() & 0xffff;
    }

    /** A 16-bit value sent in network byte order (ports). */
    public int u16BigEndian() throws NetlinkDecodeException {
        return view(2).order(ByteOrder.BIG_ENDIAN).getShort() & 0xffff;
    }

    public int u32() throws NetlinkDecodeException {
        return view(4).getInt();
    }

    /** A 32-bit value sent in network byte order (IPv4 netmasks and addresses). */
    public int u32BigEndian() throws NetlinkDecodeException {
        return view(4).order(ByteOrder.BIG_ENDIAN).getInt();
    }

    public long u64() throws NetlinkDecodeException {
        return view(8).getLong();
    }

    /** A u32 or a u64 (statistics counters come in both sizes). */
    public long unsigned() throws NetlinkDecodeException {
        return length() == 4 ? Integer.toUnsignedLong(u32()) : u64();
    }

    public byte[] bytes() {
        byte[] copy = new byte[length()];
        payload.duplicate().get(copy);
        return copy;
    }

    /** A string up to its first NUL (or the end of the payload). */
    public String string() {
        byte[] raw = bytes();
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    public Attributes nested() throws NetlinkDecodeException {
        return Attributes.parse(payload);
    }

    private ByteBuffer view(int expectedLength) throws NetlinkDecodeException {
        if (length() != expectedLength) {
            throw new NetlinkDecodeException("attribute type " + type + " has " + length()
                    + " payload bytes, expected " + expectedLength);
        }
        return payload.duplicate().order(ByteOrder.nativeOrder());
    }
}
