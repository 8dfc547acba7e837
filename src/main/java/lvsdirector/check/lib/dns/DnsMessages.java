package lvsdirector.check.lib.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The slice of RFC 1035 the dns check needs over TCP: one A or PTR question out, the A addresses and PTR names
 * of the answer section back. Malformed replies raise {@link IllegalArgumentException} with the reason.
 */
final class DnsMessages {
    static final int TYPE_A = 1;
    static final int TYPE_PTR = 12;
    private static final int CLASS_IN = 1;

    private DnsMessages() {}

    /** A recursive query for {@code name} of {@code type}, without the TCP length prefix. */
    static byte[] query(int id, String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putShort(out, id);
        putShort(out, 0x0100); // standard query, recursion desired
        putShort(out, 1);
        putShort(out, 0);
        putShort(out, 0);
        putShort(out, 0);
        for (String label : name.split("\\.")) {
            if (label.isEmpty()) {
                continue;
            }
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length > 63) {
                throw new IllegalArgumentException("DNS label longer than 63 bytes: " + label);
            }
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        putShort(out, type);
        putShort(out, CLASS_IN);
        return out.toByteArray();
    }

    /** The answer RRs of {@code type} in a reply to query {@code id}: dotted addresses (A) or names (PTR). */
    static List<String> answers(byte[] reply, int id, int type) {
        if (reply.length < 12) {
            throw new IllegalArgumentException("DNS reply shorter than its header");
        }
        if (u16(reply, 0) != id) {
            throw new IllegalArgumentException("DNS reply id mismatch");
        }
        int rcode = reply[3] & 0x0f;
        if (rcode != 0) {
            throw new IllegalArgumentException("DNS error rcode " + rcode);
        }
        int questions = u16(reply, 4);
        int answerCount = u16(reply, 6);
        int[] pos = {12};
        for (int i = 0; i < questions; i++) {
            readName(reply, pos);
            pos[0] += 4;
        }
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < answerCount; i++) {
            readName(reply, pos);
            need(reply, pos[0] + 10);
            int rrType = u16(reply, pos[0]);
            int length = u16(reply, pos[0] + 8);
            int data = pos[0] + 10;
            need(reply, data + length);
            if (rrType == type && type == TYPE_A && length == 4) {
                answers.add((reply[data] & 0xff) + "." + (reply[data + 1] & 0xff) + "." + (reply[data + 2] & 0xff)
                        + "." + (reply[data + 3] & 0xff));
            } else if (rrType == type && type == TYPE_PTR) {
                answers.add(readName(reply, new int[] {data}));
            }
            pos[0] = data + length;
        }
        return answers;
    }

    /** Reads a possibly compressed name at pos[0], advancing pos past it. */
    static String readName(byte[] message, int[] pos) {
        StringBuilder name = new StringBuilder();
        int at = pos[0];
        int jumps = 0;
        boolean jumped = false;
        while (true) {
            need(message, at + 1);
            int length = message[at] & 0xff;
            if ((length & 0xc0) == 0xc0) {
                need(message, at + 2);
                if (++jumps > 32) {
                    throw new IllegalArgumentException("DNS name compression loop");
                }
                if (!jumped) {
                    pos[0] = at + 2;
                    jumped = true;
                }
                at = ((length & 0x3f) << 8) | (message[at + 1] & 0xff);
                continue;
            }
            if (length == 0) {
                if (!jumped) {
                    pos[0] = at + 1;
                }
                return name.toString();
            }
            need(message, at + 1 + length);
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(message, at + 1, length, StandardCharsets.US_ASCII));
            at += 1 + length;
        }
    }

    /** The in-addr.arpa / ip6.arpa name of an address literal. */
    static String reverseName(byte[] address) {
        StringBuilder name = new StringBuilder();
        if (address.length == 4) {
            for (int i = 3; i >= 0; i--) {
                name.append(address[i] & 0xff).append('.');
            }
            return name.append("in-addr.arpa").toString();
        }
        for (int i = address.length - 1; i >= 0; i--) {
            name.append(Character.forDigit(address[i] & 0x0f, 16)).append('.')
                    .append(Character.forDigit((address[i] >> 4) & 0x0f, 16)).append('.');
        }
        return name.append("ip6.arpa").toString();
    }

    private static int u16(byte[] data, int at) {
        need(data, at + 2);
        return ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
    }

    private static void need(byte[] data, int end) {
        if (end > data.length) {
            throw new IllegalArgumentException("DNS reply truncated");
        }
    }

    private static void putShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
