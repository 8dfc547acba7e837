package lvsdirector.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The attributes of a message or of a nested attribute, in wire order. Look-ups are by type, never position. */
public final class Attributes {
    private final List<Attribute> list;

    private Attributes(List<Attribute> list) {
        this.list = List.copyOf(list);
    }

    /** Parses the buffer's remaining bytes as a run of 4-byte-aligned attributes. */
    public static Attributes parse(ByteBuffer region) throws NetlinkDecodeException {
        ByteBuffer in = region.duplicate().order(ByteOrder.nativeOrder());
        List<Attribute> out = new ArrayList<>();
        while (in.remaining() > 0) {
            int start = in.position();
            if (in.remaining() < Netlink.ATTR_HEADER_LENGTH) {
                throw new NetlinkDecodeException("truncated attribute header: " + in.remaining() + " bytes left");
            }
            int length = in.getShort(start) & 0xffff;
            int type = in.getShort(start + 2) & Netlink.NLA_TYPE_MASK;
            if (length < Netlink.ATTR_HEADER_LENGTH || length > in.remaining()) {
                throw new NetlinkDecodeException("bad length " + length + " of attribute type " + type
                        + " (" + in.remaining() + " bytes left)");
            }
            ByteBuffer payload = in.duplicate();
            payload.position(start + Netlink.ATTR_HEADER_LENGTH).limit(start + length);
            out.add(new Attribute(type, payload.slice().order(ByteOrder.nativeOrder()).asReadOnlyBuffer()));
            in.position(Math.min(in.limit(), start + Netlink.align(length)));
        }
        return new Attributes(out);
    }

    public List<Attribute> all() {
        return list;
    }

    /** The first attribute of this type. */
    public Optional<Attribute> find(int type) {
        for (Attribute a : list) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Reads one attribute's value. */
    public interface Reader<T> {
        T read(Attribute attribute) throws NetlinkDecodeException;
    }

    /** The value of the first attribute of this type, or {@code fallback} when there is none. */
    public <T> T readOr(int type, Reader<T> reader, T fallback) throws NetlinkDecodeException {
        Optional<Attribute> a = find(type);
        return a.isPresent() ? reader.read(a.get()) : fallback;
    }

    /** The first attribute of this type, or a decode error naming what is missing. */
    public Attribute require(int type, String name) throws NetlinkDecodeException {
        Optional<Attribute> a = find(type);
        if (a.isEmpty()) {
            throw new NetlinkDecodeException("missing attribute " + name + " (type " + type + ")");
        }
        return a.get();
    }
}
