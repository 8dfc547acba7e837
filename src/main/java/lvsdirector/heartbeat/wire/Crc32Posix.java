package lvsdirector.heartbeat.wire;

/**
 * CRC-32 as POSIX {@code cksum} computes its body, which is what heartbeat's {@code crc} auth uses:
 * polynomial 0x04C11DB7, initial value 0, MSB first without reflection, final xor 0xFFFFFFFF, and
 * (unlike cksum) no length appended.
 */
public final class Crc32Posix {
    private static final int POLY = 0x04C11DB7;
    private static final int[] TABLE = buildTable();

    private Crc32Posix() {}

    public static long compute(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xff];
        }
        return ~crc & 0xffffffffL;
    }

    private static int[] buildTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ POLY : c << 1;
            }
            table[i] = c;
        }
        return table;
    }
}
