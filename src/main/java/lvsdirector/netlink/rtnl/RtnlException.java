package lvsdirector.netlink.rtnl;

import lvsdirector.netlink.Errno;
import lvsdirector.netlink.NetlinkErrnoException;

/** An rtnetlink request the kernel refused, with a message that says what was asked and what the errno means. */
public class RtnlException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    public RtnlException(int errno, String action) {
        super(errno, action + ": " + meaning(errno));
    }

    static String meaning(int errno) {
        return switch (errno) {
            case Errno.EPERM -> "operation not permitted (needs CAP_NET_ADMIN)";
            case Errno.EEXIST -> "the address is already configured";
            case Rtnl.EADDRNOTAVAIL -> "no such address on the interface";
            case Errno.ENODEV -> "no such interface";
            case Errno.EINVAL -> "invalid argument";
            case Errno.EOPNOTSUPP -> "not supported by this interface or kernel";
            case Errno.EAFNOSUPPORT -> "address family not supported (IPv6 disabled?)";
            default -> "refused by the kernel";
        };
    }
}
