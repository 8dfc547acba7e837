package lvsdirector.ipvs.sync;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's sync message format version 1 ({@code net/netfilter/ipvs/ip_vs_sync.c}), big-endian:
 * an 8-byte header {@code reserved=0, syncid, size, nr_conns, version=1, spare=0}, then entries, each
 * padded to 4 bytes. The decoder accepts exactly what the kernel's receiver accepts structurally and
 * names the offending offset otherwise.
 */
public final class SyncCodec {
    private static final int TYPE_INET6 = 1;
    private static final int MAX_SIZE = 0xffff;

    private SyncCodec() {}

    public static byte[] encode(SyncMessage message) {
        int size = message.size();
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("sync message of " + size + " bytes exceeds " + MAX_SIZE);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) 0).put((byte) message.syncId()).putShort((short) size)
                .put((byte) message.entries().size()).put((byte) 1).putShort((short) 0);
        for (SyncEntry entry : message.entries()) {
            int start = out.position();
            out.put((byte) (entry.ipv6() ? TYPE_INET6 : 0)).put((byte) entry.protocol())
                    .putShort((short) entry.size())
                    .putInt(entry.flags()).putShort((short) entry.state())
                    .putShort((short) entry.clientPort()).putShort((short) entry.virtualPort())
                    .putShort((short) entry.destinationPort())
                    .putInt(entry.fwmark()).putInt((int) entry.timeoutSeconds())
                    .put(entry.client().getAddress()).put(entry.virtualAddress().getAddress())
                    .put(entry.destination().getAddress());
            for (SyncOption option : entry.options()) {
                out.put((byte) option.type()).put((byte) option.data().length).put(option.data());
            }
            out.position(start + entry.paddedSize());
        }
        return out.array();
    }

    public static SyncMessage decode(byte[] datagram) throws SyncFormatException {
        ByteBuffer in = ByteBuffer.wrap(datagram);
        if (datagram.length < SyncMessage.HEADER_SIZE) {
            throw new SyncFormatException("truncated sync message: " + datagram.length
                    + " bytes, the v1 header alone needs " + SyncMessage.HEADER_SIZE);
        }
        int reserved = in.get(0) & 0xff;
        int syncId = in.get(1) & 0xff;
        int size = in.getShort(2) & 0xffff;
        int count = in.get(4) & 0xff;
        int version = in.get(5) & 0xff;
        int spare = in.getShort(6) & 0xffff;
        if (reserved != 0 || version != 1 || spare != 0) {
            throw new SyncFormatException("not a v1 sync message (reserved=" + reserved + ", version=" + version
                    + ", spare=" + spare + "; v1 has 0, 1, 0; a v0 message starts with its entry count)");
        }
        if (size != datagram.length) {
            throw new SyncFormatException("size field says " + size + " bytes but the datagram has " + datagram.length);
        }
        List<SyncEntry> entries = new ArrayList<>(count);
        int offset = SyncMessage.HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            int paddedEnd = decodeEntry(in, offset, i, entries);
            offset = paddedEnd;
        }
        if (offset != datagram.length) {
            throw new SyncFormatException((datagram.length - offset) + " unexpected bytes after the last of "
                    + count + " entries at offset " + offset);
        }
        return new SyncMessage(syncId, entries);
    }

    /** Decodes entry {@code index} at {@code offset}, appends it, returns where the next entry starts. */
    private static int decodeEntry(ByteBuffer in, int offset, int index, List<SyncEntry> entries)
            throws SyncFormatException {
        int limit = in.limit();
        String where = "entry " + index + " at offset " + offset;
        if (offset + 4 > limit) {
            throw new SyncFormatException("truncated " + where + ": the message ends at " + limit);
        }
        int type = in.get(offset) & 0xff;
        int protocol = in.get(offset + 1) & 0xff;
        int verSize = in.getShort(offset + 2) & 0xffff;
        if ((verSize >>> 12) != 0) {
            throw new SyncFormatException(where + " has entry version " + (verSize >>> 12) + ", only 0 exists");
        }
        if ((type & ~TYPE_INET6) != 0) {
            throw new SyncFormatException(where + " has unknown type bits 0x" + Integer.toHexString(type));
        }
        boolean v6 = (type & TYPE_INET6) != 0;
        int fixed = v6 ? SyncEntry.V6_SIZE : SyncEntry.V4_SIZE;
        int size = verSize & 0x0fff;
        if (size < fixed) {
            throw new SyncFormatException(where + " declares " + size + " bytes, an IPv" + (v6 ? 6 : 4)
                    + " entry needs at least " + fixed);
        }
        int paddedEnd = offset + ((size + 3) & ~3);
        if (paddedEnd > limit) {
            throw new SyncFormatException("truncated " + where + ": it needs " + (paddedEnd - offset)
                    + " bytes but the message ends at " + limit);
        }
        int addressLength = v6 ? 16 : 4;
        int addresses = offset + 24;
        List<SyncOption> options = decodeOptions(in, offset + fixed, offset + size, where);
        entries.add(new SyncEntry(protocol, in.getInt(offset + 4), in.getShort(offset + 8) & 0xffff,
                in.getShort(offset + 10) & 0xffff, in.getShort(offset + 12) & 0xffff,
                in.getShort(offset + 14) & 0xffff, in.getInt(offset + 16), in.getInt(offset + 20) & 0xffffffffL,
                address(in, addresses, addressLength), address(in, addresses + addressLength, addressLength),
                address(in, addresses + 2 * addressLength, addressLength), options));
        return paddedEnd;
    }

    private static List<SyncOption> decodeOptions(ByteBuffer in, int start, int end, String where)
            throws SyncFormatException {
        List<SyncOption> options = new ArrayList<>();
        int p = start;
        while (p < end) {
            if (p + 2 > end) {
                throw new SyncFormatException(where + ": option header at offset " + p + " cut off by the entry end");
            }
            int type = in.get(p) & 0xff;
            int length = in.get(p + 1) & 0xff;
            if (p + 2 + length > end) {
                throw new SyncFormatException(where + ": option type " + type + " at offset " + p + " has "
                        + length + " bytes of data, past the entry end " + end);
            }
            int kind = type & ~SyncOption.OPTIONAL_BIT;
            boolean mandatory = (type & SyncOption.OPTIONAL_BIT) == 0;
            if (mandatory && kind != SyncOption.SEQ_DATA && kind != SyncOption.PE_DATA && kind != SyncOption.PE_NAME) {
                throw new SyncFormatException(where + ": unknown mandatory option type " + type + " at offset " + p);
            }
            if (kind == SyncOption.SEQ_DATA && length != 24) {
                throw new SyncFormatException(where + ": sequence-data option has " + length + " bytes, not 24");
            }
            byte[] data = new byte[length];
            in.get(p + 2, data);
            options.add(new SyncOption(type, data));
            p += 2 + length;
        }
        return options;
    }

    private static InetAddress address(ByteBuffer in, int offset, int length) {
        byte[] bytes = new byte[length];
        in.get(offset, bytes);
        try {
            // Inet6Address keeps an IPv4-mapped address IPv6, as the entry's type says it is
            return length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }
}
