package lvsdirector.cli.heartbeat;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Packets written as hex, one per line; blanks inside a line are ignored, blank and '#' lines skipped. */
final class HexPacketReader {
    private HexPacketReader() {}

    static List<Datagram> read(String name, byte[] content) {
        List<Datagram> packets = new ArrayList<>();
        String[] lines = new String(content, ISO_8859_1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String hex = lines[i].replaceAll("\\s+", "");
            if (hex.isEmpty() || hex.startsWith("#")) {
                continue;
            }
            String origin = name + " line " + (i + 1);
            if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]+")) {
                packets.add(Datagram.unreadable(origin, "input: line " + (i + 1) + " is not an even number of hex digits"));
            } else {
                packets.add(Datagram.of(origin, Optional.empty(), HexFormat.of().parseHex(hex)));
            }
        }
        return packets;
    }
}
