package lvsdirector.heartbeat.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@value #CAPACITY} sequenced packets we sent, kept byte for byte so that a retransmission is
 * the identical packet (same seq, ts and signatures), and when each was last resent, so a flood of
 * requests costs at most one resend per {@link #RESEND_INTERVAL_NANOS}.
 */
public final class SentHistory {
    public static final int CAPACITY = 500;
    public static final long RESEND_INTERVAL_NANOS = 240_000_000L;

    private record Sent(byte[] packet, long lastResentNanos) {}

    private final Map<Long, Sent> bySeq = new LinkedHashMap<>(CAPACITY * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Sent> eldest) {
            return size() > CAPACITY;
        }
    };

    public void record(long seq, byte[] packet) {
        bySeq.put(seq, new Sent(packet.clone(), Long.MIN_VALUE));
    }

    public boolean contains(long seq) {
        return bySeq.containsKey(seq);
    }

    public enum ResendVerdict { RESEND, TOO_SOON, GONE }

    /** Whether {@code seq} may be resent now; records the resend when it may. */
    public ResendVerdict claimResend(long seq, long nowNanos) {
        Sent sent = bySeq.get(seq);
        if (sent == null) {
            return ResendVerdict.GONE;
        }
        if (sent.lastResentNanos != Long.MIN_VALUE && nowNanos - sent.lastResentNanos < RESEND_INTERVAL_NANOS) {
            return ResendVerdict.TOO_SOON;
        }
        bySeq.put(seq, new Sent(sent.packet, nowNanos));
        return ResendVerdict.RESEND;
    }

    public Optional<byte[]> packet(long seq) {
        return Optional.ofNullable(bySeq.get(seq)).map(s -> s.packet.clone());
    }
}
