package lvsdirector.netlink;

/** A datagram, message or attribute that does not parse: truncated, mis-sized, or with impossible values. */
public class NetlinkDecodeException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkDecodeException(String message) {
        super(message);
    }

    public NetlinkDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
