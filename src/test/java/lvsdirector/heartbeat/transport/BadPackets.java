package lvsdirector.heartbeat.transport;

import java.util.Arrays;
import java.util.Optional;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.DefaultFields;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketEncoder;
import lvsdirector.heartbeat.wire.SenderIdentity;

/** The hostile packets of the interop plan (§8.2 step 7), built for a given key and sender. */
public final class BadPackets {
    private BadPackets() {}

    public static Message status(String src, long generation, long seq) {
        byte[] uuid = new byte[16];
        uuid[15] = 9;
        return DefaultFields.append(Message.of(Field.string("t", "status"), Field.string("st", "active"),
                Field.string("dt", "1770"), Field.string("protocol", "1")), new SenderIdentity(src, uuid, generation, 3), seq,
                0x6b0644a7L, "n/a", Optional.empty());
    }

    public static byte[] signed(Message message, AuthKey key) {
        return PacketEncoder.netstring(message, key, true);
    }

    /** Signed with a key of the same index and method but another secret. */
    public static byte[] forged(Message message, AuthKey key) {
        return signed(message, new AuthKey(key.index(), key.method(), key.method().needsKey() ? "not-the-key" : null));
    }

    /** The first half of a correctly signed packet. */
    public static byte[] truncated(Message message, AuthKey key) {
        byte[] whole = signed(message, key);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A complete netstring message without the signature trailer. */
    public static byte[] unauthenticated(Message message, AuthKey key) {
        byte[] whole = signed(message, key);
        String text = new String(whole, java.nio.charset.StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(whole, text.indexOf("%%%\n") + 4);
    }
}
