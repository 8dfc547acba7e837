package lvsdirector.netlink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The generic-netlink controller ("nlctrl", id 0x10): resolves a family name to its id (CTRL_CMD_GETFAMILY). */
public final class GenlController {
    public static final int GENL_ID_CTRL = 0x10;
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_HDRSIZE = 4;
    public static final int CTRL_ATTR_MAXATTR = 5;
    public static final int CTRL_ATTR_OPS = 6;
    public static final int CTRL_ATTR_OP_ID = 1;
    public static final int CTRL_ATTR_OP_FLAGS = 2;

    private GenlController() {}

    /** The GETFAMILY request for a family name. */
    public static byte[] getFamilyRequest(String name) {
        return MessageWriter.genl(GENL_ID_CTRL, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, CTRL_CMD_GETFAMILY, 1)
                .string(CTRL_ATTR_FAMILY_NAME, name)
                .build();
    }

    /**
     * Resolves a family.
     *
     * @throws NetlinkErrnoException with ENOENT when no such family is registered (e.g. the module is not loaded)
     */
    public static GenlFamily resolve(NetlinkChannel channel, String name) throws NetlinkException {
        List<NetlinkMessage> replies = channel.request(getFamilyRequest(name));
        if (replies.isEmpty()) {
            throw new NetlinkDecodeException("GETFAMILY " + name + ": the kernel sent no family description");
        }
        return decode(replies.get(0));
    }

    static GenlFamily decode(NetlinkMessage reply) throws NetlinkDecodeException {
        if (reply.type() != GENL_ID_CTRL) {
            throw new NetlinkDecodeException("GETFAMILY answered with message type " + reply.type());
        }
        Attributes attrs = GenericMessage.parse(reply, 0).attributes();
        String name = attrs.require(CTRL_ATTR_FAMILY_NAME, "CTRL_ATTR_FAMILY_NAME").string();
        int id = attrs.require(CTRL_ATTR_FAMILY_ID, "CTRL_ATTR_FAMILY_ID").u16();
        int version = attrs.readOr(CTRL_ATTR_VERSION, Attribute::u32, 0);
        int hdrSize = attrs.readOr(CTRL_ATTR_HDRSIZE, Attribute::u32, 0);
        int maxAttr = attrs.readOr(CTRL_ATTR_MAXATTR, Attribute::u32, 0);
        Map<Integer, Integer> ops = new HashMap<>();
        if (attrs.find(CTRL_ATTR_OPS).isPresent()) {
            for (Attribute op : attrs.find(CTRL_ATTR_OPS).get().nested().all()) {
                Attributes fields = op.nested();
                int opId = fields.require(CTRL_ATTR_OP_ID, "CTRL_ATTR_OP_ID").u32();
                int opFlags = fields.readOr(CTRL_ATTR_OP_FLAGS, Attribute::u32, 0);
                ops.put(opId, opFlags);
            }
        }
        return new GenlFamily(name, id, version, hdrSize, maxAttr, ops);
    }
}
