package lvsdirector.cli.heartbeat;

import java.time.Duration;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.DecodeResult;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketDecoder;
import lvsdirector.heartbeat.wire.PacketEncoder;

/**
 * Signs and verifies one packet with every authkeys key before the membership starts, on the caller's
 * thread. The first {@code Mac.getInstance} of a JVM loads and verifies the JCE provider: in a loaded UML
 * kernel that took over 10 s, and done on the event loop it blocked the keepalives and the start.
 */
final class SignatureWarmup {
    private SignatureWarmup() {}

    /** Returns how long it took. Fails when a key's own packet does not verify (a broken JCE). */
    static Duration run(AuthKeys keys) {
        long started = System.nanoTime();
        PacketDecoder decoder = new PacketDecoder(keys);
        Message probe = Message.of(Field.string(Message.TYPE, "status"), Field.string("st", "init"),
                Field.string("src", "warm-up"), Field.string("seq", "1"));
        for (AuthKey key : keys.keys().values()) {
            for (boolean innerAuth : new boolean[] {true, false}) {
                byte[] packet = PacketEncoder.netstring(probe, key, innerAuth);
                if (decoder.decode(packet) instanceof DecodeResult.Rejected rejected) {
                    throw new IllegalStateException("authkeys key " + key.index() + " (" + key.method().fileName()
                            + ") cannot verify its own signature: " + rejected.describe());
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
