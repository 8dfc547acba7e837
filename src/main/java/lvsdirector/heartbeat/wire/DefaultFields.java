package lvsdirector.heartbeat.wire;

import java.util.Optional;

/**
 * Appends the fields heartbeat adds to every outgoing message, in its order: {@code destuuid} (when the
 * message has {@code dest} and that node's UUID is known), {@code src}, {@code srcuuid}, {@code seq},
 * {@code hg}, {@code ts}, {@code ld}, {@code ttl}. {@code NS_*} messages get no {@code seq} and no
 * {@code ld}. Numbers are lowercase hex except {@code ttl}, which is decimal.
 */
public final class DefaultFields {
    private DefaultFields() {}

    /**
     * @param seq the sender's sequence number (ignored for {@code NS_*} messages)
     * @param unixTime seconds since the epoch, must be non-zero
     * @param loadAverage {@code /proc/loadavg} without its newline, or {@code n/a}
     * @param destUuid the UUID of the {@code dest} node if known
     */
    public static Message append(Message body, SenderIdentity sender, long seq, long unixTime, String loadAverage,
            Optional<byte[]> destUuid) {
        if (unixTime == 0) {
            throw new IllegalArgumentException("ts must be non-zero");
        }
        boolean control = isControl(body.type());
        Message m = body;
        if (body.find("dest").isPresent() && destUuid.isPresent()) {
            m = m.with(Field.binary("destuuid", destUuid.get()));
        }
        m = m.with("src", sender.node()).with(Field.binary("srcuuid", sender.uuid()));
        if (!control) {
            m = m.with("seq", Long.toHexString(seq));
        }
        m = m.with("hg", Long.toHexString(sender.generation())).with("ts", Long.toHexString(unixTime));
        if (!control) {
            m = m.with("ld", loadAverage);
        }
        return m.with("ttl", Integer.toString(sender.ttl()));
    }

    /** {@code NS_*} messages (acks, retransmission requests) are not sequenced. */
    public static boolean isControl(String type) {
        return type.startsWith("NS_");
    }
}
