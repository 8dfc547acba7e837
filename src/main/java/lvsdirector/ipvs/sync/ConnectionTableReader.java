package lvsdirector.ipvs.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the kernel's connection table, the only way to see templates from user space (the IPVS netlink
 * family has no connection commands). IPv4 addresses are 8 hex digits, IPv6 ones colon-separated;
 * ports are 4 hex digits; {@code Expires} is in seconds. The _sync variant adds an {@code Origin} column.
 */
public final class ConnectionTableReader {
    public static final Path CONN = Path.of("/proc/net/ip_vs_conn");
    public static final Path CONN_SYNC = Path.of("/proc/net/ip_vs_conn_sync");

    private ConnectionTableReader() {}

    public static List<ConnectionRow> read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (ConnectionTableException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static List<ConnectionRow> parse(String text) throws ConnectionTableException {
        String[] lines = text.split("\n");
        boolean hasOrigin = false;
        List<ConnectionRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Pro ")) {
                hasOrigin = line.contains(" Origin ");
                continue;
            }
            rows.add(parseRow(line, hasOrigin, i + 1));
        }
        return rows;
    }

    /** The persistence templates among {@code rows}, with absolute expiry from {@code readAtMs}. */
    public static List<PersistenceTemplate> templates(List<ConnectionRow> rows, long readAtMs)
            throws ConnectionTableException {
        List<PersistenceTemplate> templates = new ArrayList<>();
        for (ConnectionRow row : rows) {
            if (!row.isTemplate()) {
                continue;
            }
            TemplateProtocol protocol = TemplateProtocol.ofLabel(row.protocol()).orElseThrow(
                    () -> new ConnectionTableException("template with unknown protocol " + row.protocol()));
            if (TemplateState.ofName(row.state()).isEmpty()) {
                throw new ConnectionTableException("template with unknown state " + row.state());
            }
            int fwmark = protocol == TemplateProtocol.IP ? lastFourBytes(row.virtualAddress()) : 0;
            templates.add(new PersistenceTemplate(protocol, row.client(), row.virtualAddress(), row.virtualPort(),
                    fwmark, row.destination(), row.destinationPort(), row.state(),
                    readAtMs + row.expiresSeconds() * 1000));
        }
        return templates;
    }

    private static ConnectionRow parseRow(String line, boolean hasOrigin, int number) throws ConnectionTableException {
        String[] f = line.split("\\s+");
        int needed = hasOrigin ? 10 : 9;
        if (f.length < needed) {
            throw new ConnectionTableException("line " + number + ": " + f.length + " fields, expected at least "
                    + needed + ": " + line);
        }
        try {
            Optional<String> origin = hasOrigin ? Optional.of(f[8]) : Optional.empty();
            String expires = f[hasOrigin ? 9 : 8];
            return new ConnectionRow(f[0], address(f[1]), port(f[2]), address(f[3]), port(f[4]), address(f[5]),
                    port(f[6]), f[7], origin, Long.parseLong(expires));
        } catch (IllegalArgumentException e) {
            throw new ConnectionTableException("line " + number + ": " + e.getMessage() + ": " + line);
        }
    }

    private static InetAddress address(String text) {
        try {
            if (text.matches("[0-9A-Fa-f]{8}")) {
                return InetAddress.getByAddress(HexFormat.of().parseHex(text));
            }
            if (text.length() == 39 && text.matches("[0-9a-fA-F:]+")) {
                return InetAddress.getByName(text);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address " + text, e);
        }
        throw new IllegalArgumentException("bad address " + text);
    }

    private static int port(String text) {
        if (!text.matches("[0-9A-Fa-f]{4}")) {
            throw new IllegalArgumentException("bad port " + text);
        }
        return Integer.parseInt(text, 16);
    }

    private static int lastFourBytes(InetAddress address) {
        byte[] b = address.getAddress();
        int n = b.length;
        return ((b[n - 4] & 0xff) << 24) | ((b[n - 3] & 0xff) << 16) | ((b[n - 2] & 0xff) << 8) | (b[n - 1] & 0xff);
    }

}
