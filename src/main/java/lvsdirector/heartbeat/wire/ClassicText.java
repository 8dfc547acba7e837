package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The classic text form: one {@code name=value\n} line per field, binary fields as
 * {@code (1)name=<base64>\n}. Without the {@code >>>}/{@code <<<} frame it is exactly the input of the
 * inner {@code auth} signature.
 */
public final class ClassicText {
    static final byte[] START = ">>>\n".getBytes(ISO_8859_1);
    static final byte[] END = "<<<\n".getBytes(ISO_8859_1);

    private ClassicText() {}

    /** The field lines of {@code message}, in order, without frame. */
    public static byte[] lines(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : message.fields()) {
            switch (f.type()) {
                case STRING -> out.writeBytes((f.name() + "=").getBytes(ISO_8859_1));
                case BINARY -> out.writeBytes(("(1)" + f.name() + "=").getBytes(ISO_8859_1));
                default -> throw new IllegalArgumentException("field " + f.name() + " of type " + f.type() + " has no classic form here");
            }
            out.writeBytes(f.type() == FieldType.BINARY ? Base64.getEncoder().encode(f.rawValue()) : f.rawValue());
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The complete classic packet {@code >>>\n...<<<\n}. */
    public static byte[] framed(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(START);
        out.writeBytes(lines(message));
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** Parses a classic packet; one trailing NUL after {@code <<<\n} is tolerated as heartbeat does. */
    static Message parse(byte[] data) throws MalformedPacketException {
        int end = data.length;
        if (end > 0 && data[end - 1] == 0) {
            end--;
        }
        if (!startsWith(data, 0, START)) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "classic packet does not start with >>>\\n");
        }
        List<Field> fields = new ArrayList<>();
        int pos = START.length;
        while (true) {
            if (pos >= end) {
                throw new MalformedPacketException(RejectReason.TRUNCATED, "classic packet ends without <<<\\n");
            }
            int nl = indexOf(data, (byte) '\n', pos, end);
            if (nl < 0) {
                throw new MalformedPacketException(RejectReason.TRUNCATED, "classic line at offset " + pos + " has no newline");
            }
            String line = new String(data, pos, nl - pos, ISO_8859_1);
            pos = nl + 1;
            if (line.equals("<<<")) {
                break;
            }
            fields.add(parseLine(line));
        }
        if (pos != end) {
            throw new MalformedPacketException(RejectReason.MALFORMED, (end - pos) + " bytes after <<<\\n");
        }
        return new Message(fields);
    }

    private static Field parseLine(String line) throws MalformedPacketException {
        FieldType type = FieldType.STRING;
        String rest = line;
        if (line.startsWith("(") && line.length() >= 3 && line.charAt(2) == ')') {
            type = NetstringCodec.fieldType(line.charAt(1), "classic line \"" + Signature.printable(line) + "\"");
            rest = line.substring(3);
        }
        int eq = rest.indexOf('=');
        if (eq <= 0) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "classic line \"" + Signature.printable(line) + "\" is not name=value");
        }
        String name = rest.substring(0, eq);
        String value = rest.substring(eq + 1);
        if (type == FieldType.BINARY) {
            try {
                return Field.binary(name, Base64.getDecoder().decode(value));
            } catch (IllegalArgumentException e) {
                throw new MalformedPacketException(RejectReason.MALFORMED, "binary field " + Signature.printable(name) + " is not valid base64");
            }
        }
        return Field.string(name, value);
    }

    static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
