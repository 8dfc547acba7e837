package lvsdirector.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IPv4 text as glibc's inet_aton() (and so getaddrinfo()) reads it: one to four parts, each decimal, octal
 * (leading 0) or hex (0x), the last part filling the remaining bytes. So "010.0.0.1" is 8.0.0.1 and "10.1"
 * is 10.0.0.1; ldirectord accepts both.
 */
final class Ipv4Text {
    private Ipv4Text() {}

    static Optional<InetAddress> parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        address |= last;
        byte[] b = {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0L; // inet_aton takes a bare "0x" as zero
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 11) {
            return null;
        }
        for (char c : digits.toCharArray()) {
            if (c > 127 || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        return Long.parseLong(digits, radix);
    }
}
