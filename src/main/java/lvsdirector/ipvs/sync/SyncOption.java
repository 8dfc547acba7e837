package lvsdirector.ipvs.sync;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An optional parameter after a v1 connection entry: {@code type(1) len(1) data}. Type 1 carries TCP
 * sequence data, 2 persistence-engine data, 3 the persistence-engine name; bit 0x80 marks it optional.
 */
public record SyncOption(int type, byte[] data) {
    public static final int SEQ_DATA = 1;
    public static final int PE_DATA = 2;
    public static final int PE_NAME = 3;
    public static final int OPTIONAL_BIT = 0x80;

    public SyncOption {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("option type out of range: " + type);
        }
        if (data.length > 255) {
            throw new IllegalArgumentException("option data longer than 255 bytes: " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Bytes this option takes on the wire. */
    int wireLength() {
        return 2 + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncOption other && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SyncOption[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
