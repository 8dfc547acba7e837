package lvsdirector.heartbeat.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import lvsdirector.heartbeat.transport.PacketSink;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.DefaultFields;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketEncoder;
import lvsdirector.heartbeat.wire.SenderIdentity;

/**
 * Turns message bodies into signed packets as heartbeat does: numbers every non-{@code NS_} message
 * (hex, from 1 per process), appends the default fields, signs with the {@code auth N} key and keeps the
 * packet for retransmission.
 */
public final class MessageSender {
    private final SenderIdentity identity;
    private final AuthKeys keys;
    private final boolean innerAuth;
    private final PacketSink sink;
    private final LongSupplier unixSeconds;
    private final Supplier<String> loadAverage;
    private final SentHistory history = new SentHistory();
    private final Map<String, byte[]> peerUuids = new HashMap<>();
    private long lastSeq;

    /**
     * @param innerAuth add the inner {@code auth} field ({@code msgfmt classic}, heartbeat's default)
     * @param loadAverage text for the {@code ld} field
     */
    public MessageSender(SenderIdentity identity, AuthKeys keys, boolean innerAuth, PacketSink sink,
            LongSupplier unixSeconds, Supplier<String> loadAverage) {
        this.identity = identity;
        this.keys = keys;
        this.innerAuth = innerAuth;
        this.sink = sink;
        this.unixSeconds = unixSeconds;
        this.loadAverage = loadAverage;
    }

    public SenderIdentity identity() {
        return identity;
    }

    /** Remembers a peer's UUID so messages with {@code dest=} that peer also carry {@code destuuid}. */
    public void rememberUuid(String node, byte[] uuid) {
        peerUuids.put(node, uuid.clone());
    }

    /** Signs and sends {@code body}; returns its sequence number, or 0 for an unsequenced {@code NS_} message. */
    public long send(Message body) {
        boolean sequenced = !DefaultFields.isControl(body.type());
        long seq = sequenced ? ++lastSeq : 0;
        Optional<byte[]> destUuid = body.get("dest").map(peerUuids::get);
        Message full = DefaultFields.append(body, identity, seq, unixSeconds.getAsLong(), loadAverage.get(), destUuid);
        byte[] packet = PacketEncoder.netstring(full, keys.signingKey(), innerAuth);
        if (sequenced) {
            history.record(seq, packet);
        }
        sink.send(packet);
        return seq;
    }

    /** Answers one retransmission request for {@code seq}: resent, skipped (resent very recently) or gone. */
    public SentHistory.ResendVerdict resend(long seq, long nowNanos) {
        SentHistory.ResendVerdict verdict = history.claimResend(seq, nowNanos);
        if (verdict == SentHistory.ResendVerdict.RESEND) {
            sink.send(history.packet(seq).orElseThrow());
        }
        return verdict;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
