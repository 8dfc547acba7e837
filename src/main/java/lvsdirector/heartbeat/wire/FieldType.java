package lvsdirector.heartbeat.wire;

/** Field value types of heartbeat messages, numbered as on the wire ({@code (N)name=value}). */
public enum FieldType {
    STRING, BINARY, STRUCT, LIST, COMPRESSED, UNCOMPRESSED_STRUCT;

    /** The digit heartbeat writes in parentheses before the field name. */
    public int digit() {
        return ordinal();
    }

    /** Only strings and binary values occur in R1 traffic; the nested/compressed types are not supported. */
    public boolean isSupported() {
        return this == STRING || this == BINARY;
    }

    public static FieldType ofDigit(int digit) {
        FieldType[] all = values();
        if (digit < 0 || digit >= all.length) {
            throw new IllegalArgumentException("unknown field type " + digit);
        }
        return all[digit];
    }
}
