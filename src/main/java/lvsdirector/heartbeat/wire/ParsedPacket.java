package lvsdirector.heartbeat.wire;

import java.util.Arrays;

/**
 * A syntactically valid packet before (or regardless of) signature verification.
 *
 * @param message all fields in wire order, the inner {@code auth} field included when present
 * @param signedBytes the exact bytes the packet's signature covers: {@code ###\n}..{@code %%%\n} for
 *        netstring packets, the classic text of the fields other than {@code auth} for classic ones
 * @param signature the outer trailer (netstring) or the {@code auth} field (classic)
 */
public record ParsedPacket(WireFormat format, Message message, byte[] signedBytes, Signature signature) {

    public ParsedPacket {
        signedBytes = signedBytes.clone();
    }

    @Override
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedPacket p && format == p.format && message.equals(p.message)
                && Arrays.equals(signedBytes, p.signedBytes) && signature.equals(p.signature);
    }

    @Override
    public int hashCode() {
        return (format.hashCode() * 31 + message.hashCode()) * 31 + signature.hashCode();
    }

    @Override
    public String toString() {
        return "ParsedPacket[" + format + ", " + message + ", signature " + signature.text() + "]";
    }
}
