package lvsdirector.heartbeat.wire;

/** A packet that cannot be parsed (or verified), with the specific reason and a human-readable detail. */
public final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String detail;

    public MalformedPacketException(RejectReason reason, String detail) {
        super(reason.words() + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
