package lvsdirector.netlink;

/** No reply arrived within the socket's receive timeout. The request's outcome is unknown. */
public class NetlinkTimeoutException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkTimeoutException(String message) {
        super(message);
    }
}
