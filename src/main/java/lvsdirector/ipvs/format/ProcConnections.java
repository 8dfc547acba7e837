package lvsdirector.ipvs.format;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the kernel's connection table as ipvsadm does, from the text of /proc/net/ip_vs_conn: a title
 * line, then per entry protocol, client, virtual and destination as hex address + hex port (IPv6 addresses
 * fully expanded), the state, the seconds left, and optionally the persistence engine name and data.
 */
public final class ProcConnections {
    public static final Path PROC_FILE = Path.of("/proc/net/ip_vs_conn");

    private ProcConnections() {}

    public static List<ConnectionEntry> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException naming the line that is not an ip_vs_conn entry */
    public static List<ConnectionEntry> parse(String text) {
        List<ConnectionEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                entries.add(parseLine(lines[i], i + 1));
            }
        }
        return List.copyOf(entries);
    }

    private static ConnectionEntry parseLine(String line, int number) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 9 && f.length != 11) {
            throw bad(number, "expected 9 or 11 fields, found " + f.length);
        }
        try {
            return new ConnectionEntry(f[0], address(f[1]), port(f[2]), address(f[3]), port(f[4]), address(f[5]),
                    port(f[6]), f[7], Long.parseLong(f[8]), f.length == 11 ? f[9] : null, f.length == 11 ? f[10] : null);
        } catch (NumberFormatException | UnknownHostException e) {
            throw bad(number, e.getMessage());
        }
    }

    private static InetAddress address(String text) throws UnknownHostException {
        if (text.contains(":")) {
            // bracketed so that the JDK parses it as a literal and never asks a resolver
            return InetAddress.getByName("[" + text + "]");
        }
        if (text.length() != 8) {
            throw new NumberFormatException("not a hex IPv4 address: " + text);
        }
        long value = Long.parseLong(text, 16);
        return InetAddress.getByAddress(new byte[] {
            (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private static int port(String hex) {
        int port = Integer.parseInt(hex, 16);
        if (port > 65535) {
            throw new NumberFormatException("port out of range: " + hex);
        }
        return port;
    }

    private static IllegalArgumentException bad(int line, String why) {
        return new IllegalArgumentException("line " + line + " of ip_vs_conn: " + why);
    }
}
