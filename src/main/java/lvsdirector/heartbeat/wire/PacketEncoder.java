package lvsdirector.heartbeat.wire;

/** Builds signed packets exactly as heartbeat 3.0.6 does. */
public final class PacketEncoder {
    private PacketEncoder() {}

    /** {@code message} (which must not yet carry {@code auth}) plus the inner auth field as the last field. */
    public static Message withInnerAuth(Message message, AuthKey key) {
        if (message.find(Message.AUTH).isPresent()) {
            throw new IllegalArgumentException("message is already signed");
        }
        return message.with(Message.AUTH, key.sign(ClassicText.lines(message)));
    }

    /**
     * The UDP payload for {@code message}: with the inner {@code auth} field ({@code msgfmt classic}, the
     * default) or without it ({@code msgfmt netstring}), followed by the outer signature trailer.
     */
    public static byte[] netstring(Message message, AuthKey key, boolean innerAuth) {
        Message signed = innerAuth ? withInnerAuth(message, key) : message;
        byte[] body = NetstringCodec.body(signed);
        byte[] trailer = NetstringCodec.trailer(new Signature(key.index(), key.token(body)));
        byte[] packet = new byte[body.length + trailer.length];
        System.arraycopy(body, 0, packet, 0, body.length);
        System.arraycopy(trailer, 0, packet, body.length, trailer.length);
        return packet;
    }

    /** The classic form {@code >>>\n...auth=N token\n<<<\n} (serial medium). */
    public static byte[] classic(Message message, AuthKey key) {
        return ClassicText.framed(withInnerAuth(message, key));
    }
}
