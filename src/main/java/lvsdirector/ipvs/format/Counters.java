package lvsdirector.ipvs.format;

/** ipvsadm's print_largenum: a counter right-aligned in a 9-character field. */
final class Counters {
    private Counters() {}

    /**
     * Without --exact values of 100 million and more are scaled down (K, M, G, T, by powers of 1000, with
     * thresholds at 1e8, 1e9, 1e11 and 1e14); with --exact the field only widens when the number needs it.
     * Counters are unsigned 64-bit.
     */
    static String largeNumber(long value, boolean exact) {
        String digits = Long.toUnsignedString(value);
        if (exact) {
            return pad(digits, Math.max(9, digits.length() + 1));
        }
        if (Long.compareUnsigned(value, 100_000_000L) < 0) {
            return pad(digits, 9);
        }
        if (Long.compareUnsigned(value, 1_000_000_000L) < 0) {
            return scaled(value, 1_000L, 'K');
        }
        if (Long.compareUnsigned(value, 100_000_000_000L) < 0) {
            return scaled(value, 1_000_000L, 'M');
        }
        if (Long.compareUnsigned(value, 100_000_000_000_000L) < 0) {
            return scaled(value, 1_000_000_000L, 'G');
        }
        return scaled(value, 1_000_000_000_000L, 'T');
    }

    /** "%8u" / "%8llu": right-aligned in 8, wider when needed. */
    static String right8(long value) {
        return pad(Long.toUnsignedString(value), 8);
    }

    private static String scaled(long value, long divisor, char unit) {
        return pad(Long.toUnsignedString(Long.divideUnsigned(value, divisor)), 8) + unit;
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** "%-Ns": left-aligned, padded with spaces to at least width. */
    static String left(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
