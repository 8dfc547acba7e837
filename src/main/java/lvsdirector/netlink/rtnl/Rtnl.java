package lvsdirector.netlink.rtnl;

/** Numbers from linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h and linux/if.h used by this package. */
public final class Rtnl {
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;

    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;

    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_FLAGS = 8;

    public static final int IFF_UP = 0x1;
    public static final int IFF_LOOPBACK = 0x8;

    public static final int IFINFOMSG_LENGTH = 16;
    public static final int IFADDRMSG_LENGTH = 8;

    /** The kernel's IFNAMSIZ less the NUL: longest interface name or address label. */
    public static final int MAX_NAME_LENGTH = 15;

    public static final int EADDRNOTAVAIL = 99;

    private Rtnl() {}
}
