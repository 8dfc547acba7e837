package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/** A signature as carried on the wire: {@code "<auth index> <token>"}. */
public record Signature(int index, String token) {

    public String text() {
        return index + " " + token;
    }

    /** Parses {@code "N token"}; N is a decimal auth index 0..15, the token a non-empty word. */
    public static Signature parse(String text) throws MalformedPacketException {
        int space = text.indexOf(' ');
        if (space <= 0 || space > 2 || !text.substring(0, space).chars().allMatch(Character::isDigit)) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "signature \"" + printable(text) + "\" is not \"<index> <token>\"");
        }
        int index = Integer.parseInt(text.substring(0, space));
        String token = text.substring(space + 1);
        if (index > AuthKey.MAX_INDEX) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "signature auth index " + index + " outside 0.." + AuthKey.MAX_INDEX);
        }
        if (token.isEmpty() || !token.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new MalformedPacketException(RejectReason.MALFORMED, "signature \"" + printable(text) + "\" has no valid token");
        }
        return new Signature(index, token);
    }

    static Signature parse(byte[] bytes) throws MalformedPacketException {
        return parse(new String(bytes, ISO_8859_1));
    }

    /** Text safe for a log line: control and non-ASCII bytes escaped, at most 80 chars. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f && c != '\\') {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out.toString();
    }
}
