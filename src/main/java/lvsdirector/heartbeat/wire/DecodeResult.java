package lvsdirector.heartbeat.wire;

import java.util.Optional;

/** The outcome of decoding and verifying one received packet. */
public sealed interface DecodeResult {

    /** An authentic packet, verified with {@code key} (the key its signature's index names). */
    record Accepted(ParsedPacket packet, AuthKey key) implements DecodeResult {
        public Message message() {
            return packet.message();
        }
    }

    /**
     * A packet that must be dropped. {@code packet} is present when it parsed but failed verification,
     * so that a log line or the decode tool can still show its fields.
     */
    record Rejected(RejectReason reason, String detail, Optional<ParsedPacket> packet) implements DecodeResult {
        /** "reason: detail", e.g. {@code bad signature: outer sha1 token ... expected ...}. */
        public String describe() {
            return reason.words() + ": " + detail;
        }
    }
}
