package lvsdirector.netlink;

/** Numbers from linux/netlink.h and linux/genetlink.h used by this package and its callers. */
public final class Netlink {
    public static final int AF_NETLINK = 16;
    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_GENERIC = 16;

    public static final int HEADER_LENGTH = 16;
    public static final int GENL_HEADER_LENGTH = 4;
    public static final int ATTR_HEADER_LENGTH = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    /** On an ACK: the echoed request was cut to its header. */
    public static final int NLM_F_CAPPED = 0x100;

    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = 0x3fff;

    private Netlink() {}

    /** Rounds up to the netlink 4-byte alignment. */
    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
