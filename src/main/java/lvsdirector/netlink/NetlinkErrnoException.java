package lvsdirector.netlink;

/**
 * An errno: either from a socket call (socket, bind, send, recv...) or the negative code of an NLMSG_ERROR
 * reply of the kernel. {@link #errno()} is positive (2 for ENOENT).
 */
public class NetlinkErrnoException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public NetlinkErrnoException(int errno, String context) {
        super(context + ": " + Errno.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** True when this is the given errno. */
    public boolean is(int code) {
        return errno == code;
    }
}
