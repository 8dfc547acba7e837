package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The netstring form: {@code ###\n}, one {@code LEN:(T)name=value,} per field, {@code %%%\n}, then the
 * signature trailer {@code LEN:N token,}. LEN counts {@code (T)name=value}. Parsing is at least as
 * strict as heartbeat's: decimal length, one type digit in parentheses, name up to the first '=', a ','
 * right after the value, the trailer right after {@code %%%\n} and nothing after it.
 */
public final class NetstringCodec {
    static final byte[] START = "###\n".getBytes(ISO_8859_1);
    static final byte[] END = "%%%\n".getBytes(ISO_8859_1);
    private static final int MAX_LENGTH_DIGITS = 9;

    private NetstringCodec() {}

    /** {@code ###\n}, the fields, {@code %%%\n}: the bytes the outer signature covers. */
    public static byte[] body(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(START);
        for (Field f : message.fields()) {
            byte[] head = ("(" + f.type().digit() + ")" + f.name() + "=").getBytes(ISO_8859_1);
            out.writeBytes((head.length + f.length() + ":").getBytes(ISO_8859_1));
            out.writeBytes(head);
            out.writeBytes(f.rawValue());
            out.write(',');
        }
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** The trailer netstring carrying a signature. */
    public static byte[] trailer(Signature signature) {
        String text = signature.text();
        return (text.length() + ":" + text + ",").getBytes(ISO_8859_1);
    }

    /** A parsed netstring packet: its fields, how many leading bytes the signature covers, the signature. */
    record Parsed(Message message, int signedLength, Signature signature) {}

    static Parsed parse(byte[] data) throws MalformedPacketException {
        if (!ClassicText.startsWith(data, 0, START)) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "packet does not start with ###\\n");
        }
        List<Field> fields = new ArrayList<>();
        int pos = START.length;
        while (!ClassicText.startsWith(data, pos, END)) {
            if (pos >= data.length || isPrefixOfEnd(data, pos)) {
                throw new MalformedPacketException(RejectReason.TRUNCATED, "packet ends at offset " + data.length + " before %%%\\n");
            }
            Chunk chunk = readNetstring(data, pos, "field");
            fields.add(parseField(chunk.value(), pos));
            pos = chunk.next();
        }
        int signedLength = pos + END.length;
        if (signedLength == data.length) {
            throw new MalformedPacketException(RejectReason.UNSIGNED, "no signature trailer after %%%\\n");
        }
        Chunk trailer = readNetstring(data, signedLength, "signature trailer");
        if (trailer.next() != data.length) {
            throw new MalformedPacketException(RejectReason.MALFORMED, (data.length - trailer.next()) + " bytes after the signature trailer");
        }
        return new Parsed(new Message(fields), signedLength, Signature.parse(trailer.value()));
    }

    private static boolean isPrefixOfEnd(byte[] data, int pos) {
        int n = data.length - pos;
        if (n >= END.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (data[pos + i] != END[i]) {
                return false;
            }
        }
        return true;
    }

    /** The value of one netstring and the offset just after its ','. */
    private record Chunk(byte[] value, int next) {}

    /** Reads {@code LEN:bytes,} at {@code pos}. */
    private static Chunk readNetstring(byte[] data, int pos, String what) throws MalformedPacketException {
        int i = pos;
        long length = 0;
        while (i < data.length && data[i] >= '0' && data[i] <= '9') {
            if (i - pos == MAX_LENGTH_DIGITS) {
                throw new MalformedPacketException(RejectReason.MALFORMED, what + " length at offset " + pos + " has too many digits");
            }
            length = length * 10 + (data[i] - '0');
            i++;
        }
        if (i == data.length) {
            throw new MalformedPacketException(RejectReason.TRUNCATED, what + " length at offset " + pos + " is cut off");
        }
        if (i == pos || data[i] != ':') {
            throw new MalformedPacketException(RejectReason.MALFORMED, "expected " + what + " length and ':' at offset " + pos
                    + ", found \"" + Signature.printable(new String(data, pos, Math.min(8, data.length - pos), ISO_8859_1)) + "\"");
        }
        int valueStart = i + 1;
        if (length > data.length - valueStart) {
            throw new MalformedPacketException(RejectReason.TRUNCATED, what + " at offset " + pos + " announces " + length
                    + " bytes, only " + (data.length - valueStart) + " remain");
        }
        int valueEnd = valueStart + (int) length;
        if (valueEnd == data.length) {
            throw new MalformedPacketException(RejectReason.TRUNCATED, what + " at offset " + pos + " lacks its closing ','");
        }
        if (data[valueEnd] != ',') {
            throw new MalformedPacketException(RejectReason.MALFORMED, what + " at offset " + pos + " is not followed by ','"
                    + " (its length " + length + " is wrong)");
        }
        byte[] value = new byte[(int) length];
        System.arraycopy(data, valueStart, value, 0, value.length);
        return new Chunk(value, valueEnd + 1);
    }

    private static Field parseField(byte[] body, int offset) throws MalformedPacketException {
        if (body.length < 4 || body[0] != '(' || body[2] != ')') {
            throw new MalformedPacketException(RejectReason.MALFORMED, "field at offset " + offset + " does not start with (type)");
        }
        FieldType type = fieldType((char) body[1], "field at offset " + offset);
        int eq = ClassicText.indexOf(body, (byte) '=', 3, body.length);
        if (eq < 0) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "field at offset " + offset + " has no '='");
        }
        if (eq == 3) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "field at offset " + offset + " has an empty name");
        }
        String name = new String(body, 3, eq - 3, ISO_8859_1);
        byte[] value = new byte[body.length - eq - 1];
        System.arraycopy(body, eq + 1, value, 0, value.length);
        return new Field(name, type, value);
    }

    static FieldType fieldType(char digit, String where) throws MalformedPacketException {
        if (digit < '0' || digit > '9') {
            throw new MalformedPacketException(RejectReason.MALFORMED, where + " has type \"" + Signature.printable(String.valueOf(digit)) + "\", not a digit");
        }
        int n = digit - '0';
        if (n >= FieldType.values().length) {
            throw new MalformedPacketException(RejectReason.MALFORMED, where + " has unknown type " + n);
        }
        FieldType type = FieldType.ofDigit(n);
        if (!type.isSupported()) {
            throw new MalformedPacketException(RejectReason.UNSUPPORTED_FIELD_TYPE, where + " has type " + n + " (" + type + "), not used by R1 heartbeat");
        }
        return type;
    }
}
