package lvsdirector.netlink;

import java.io.IOException;

/** Something went wrong talking netlink: a refused request, a malformed reply, a timeout or a socket error. */
public class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    public NetlinkException(String message) {
        super(message);
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
