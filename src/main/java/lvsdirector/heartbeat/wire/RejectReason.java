package lvsdirector.heartbeat.wire;

/** Why a received packet was not accepted. */
public enum RejectReason {
    /** Empty, or ends before the structure it announces is complete. */
    TRUNCATED("truncated"),
    /** Not a heartbeat message, or a length, type, separator or terminator is wrong. */
    MALFORMED("malformed"),
    /** Larger than heartbeat's MAXMSG (256 KiB). */
    TOO_BIG("too big"),
    /** A struct, list or compressed field (types 2-5), never used by R1 traffic. */
    UNSUPPORTED_FIELD_TYPE("unsupported field type"),
    /** No outer signature trailer (netstring) or no {@code auth} field (classic). */
    UNSIGNED("unsigned"),
    /** The signature names an auth index that the local authkeys does not define. */
    UNKNOWN_AUTH_INDEX("unknown auth index"),
    /** The signature does not match the packet under the local key. */
    BAD_SIGNATURE("signature mismatch");

    private final String words;

    RejectReason(String words) {
        this.words = words;
    }

    /** Short lowercase words for logs and the decode tool. */
    public String words() {
        return words;
    }
}
