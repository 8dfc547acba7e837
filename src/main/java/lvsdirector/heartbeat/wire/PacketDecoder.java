package lvsdirector.heartbeat.wire;

import java.util.Optional;

/**
 * Parses and authenticates received packets like heartbeat 3.0.6: a netstring packet is accepted when
 * its outer trailer matches the bytes {@code ###\n}..{@code %%%\n} (its inner {@code auth} field is not
 * checked, as heartbeat does not check it); a classic packet when its {@code auth} field matches the
 * classic text of its other fields. The signature's index selects the key and method from authkeys.
 * Nothing here throws on hostile input: every failure is a {@link DecodeResult.Rejected} with a reason.
 */
public final class PacketDecoder {
    /** heartbeat's MAXMSG: no message may reach this size on the wire. */
    public static final int MAX_PACKET = 256 * 1024;

    private final AuthKeys keys;

    public PacketDecoder(AuthKeys keys) {
        this.keys = keys;
    }

    public DecodeResult decode(byte[] data) {
        ParsedPacket packet;
        try {
            packet = parse(data);
        } catch (MalformedPacketException e) {
            return new DecodeResult.Rejected(e.reason(), e.detail(), Optional.empty());
        }
        return verify(packet);
    }

    public DecodeResult verify(ParsedPacket packet) {
        Signature signature = packet.signature();
        Optional<AuthKey> key = keys.key(signature.index());
        if (key.isEmpty()) {
            return new DecodeResult.Rejected(RejectReason.UNKNOWN_AUTH_INDEX,
                    "signature uses auth index " + signature.index() + ", which authkeys does not define", Optional.of(packet));
        }
        String expected = key.get().token(packet.signedBytes());
        if (!expected.equals(signature.token())) {
            String which = packet.format() == WireFormat.NETSTRING ? "outer" : "auth field";
            return new DecodeResult.Rejected(RejectReason.BAD_SIGNATURE, which + " " + key.get().method().fileName() + " token "
                    + Signature.printable(signature.token()) + " does not match, expected " + expected, Optional.of(packet));
        }
        return new DecodeResult.Accepted(packet, key.get());
    }

    /**
     * Checks the inner {@code auth} field of any message against the classic text of its other fields.
     * heartbeat ignores it on netstring packets; this is for tools and tests.
     */
    public Optional<String> innerSignatureProblem(Message message) {
        Optional<String> auth = message.get(Message.AUTH);
        if (auth.isEmpty()) {
            return Optional.of("no inner auth field");
        }
        try {
            ParsedPacket inner = new ParsedPacket(WireFormat.CLASSIC, message, ClassicText.lines(message.without(Message.AUTH)),
                    Signature.parse(auth.get()));
            return verify(inner) instanceof DecodeResult.Rejected r ? Optional.of(r.describe()) : Optional.empty();
        } catch (MalformedPacketException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Parses either wire form without checking the signature. */
    public static ParsedPacket parse(byte[] data) throws MalformedPacketException {
        if (data.length == 0) {
            throw new MalformedPacketException(RejectReason.TRUNCATED, "empty packet");
        }
        if (data.length >= MAX_PACKET) {
            throw new MalformedPacketException(RejectReason.TOO_BIG, data.length + " bytes, heartbeat's limit is " + MAX_PACKET);
        }
        if (data.length < NetstringCodec.START.length && isPrefix(data, NetstringCodec.START, ClassicText.START)) {
            throw new MalformedPacketException(RejectReason.TRUNCATED, "packet of " + data.length + " bytes ends inside its start marker");
        }
        if (ClassicText.startsWith(data, 0, ClassicText.START)) {
            return parseClassic(data);
        }
        NetstringCodec.Parsed parsed = NetstringCodec.parse(data);
        byte[] signed = new byte[parsed.signedLength()];
        System.arraycopy(data, 0, signed, 0, signed.length);
        return new ParsedPacket(WireFormat.NETSTRING, parsed.message(), signed, parsed.signature());
    }

    private static ParsedPacket parseClassic(byte[] data) throws MalformedPacketException {
        Message message = ClassicText.parse(data);
        Optional<String> auth = message.get(Message.AUTH);
        if (auth.isEmpty()) {
            throw new MalformedPacketException(RejectReason.UNSIGNED, "classic packet has no auth field");
        }
        Message unsigned = message.without(Message.AUTH);
        return new ParsedPacket(WireFormat.CLASSIC, message, ClassicText.lines(unsigned), Signature.parse(auth.get()));
    }

    private static boolean isPrefix(byte[] data, byte[]... markers) {
        for (byte[] marker : markers) {
            if (ClassicText.startsWith(marker, 0, data)) {
                return true;
            }
        }
        return false;
    }
}
