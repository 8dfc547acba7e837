package lvsdirector.ipvs.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One ipvs-golden/*.txt capture (format: ipvs-netlink.md §3.1): the ipvsadm command line, its output, and each
 * netlink request with the reply datagrams ipvsadm read for it, as bytes.
 */
record GoldenCapture(String name, String command, List<String> output, List<Exchange> exchanges) {

    /** One request ("IPVS_CMD_NEW_SERVICE", or "GETFAMILY" in file 00) and its reply datagrams. */
    record Exchange(String title, byte[] request, List<byte[]> replies) {}

    static GoldenCapture load(String name) {
        String resource = "/ipvs-golden/" + name + ".txt";
        try (InputStream in = GoldenCapture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + resource);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenCapture parse(String name, String text) {
        String command = null;
        List<String> output = new ArrayList<>();
        List<Exchange> exchanges = new ArrayList<>();
        String title = "GETFAMILY";
        byte[] request = null;
        List<byte[]> replies = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("command: ") && command == null) {
                command = line.substring("command: ".length()).trim();
            } else if (line.startsWith("  | ")) {
                output.add(line.substring(4));
            } else if (line.startsWith("REQUEST ")) {
                if (request != null) {
                    exchanges.add(new Exchange(title, request, List.copyOf(replies)));
                }
                title = line.substring(line.indexOf(": ") + 2).split("\\s+")[0];
                request = null;
                replies = new ArrayList<>();
            } else if (line.startsWith("request (") || line.startsWith("request datagram (") || line.startsWith("kernel reply datagram")) {
                int declared = Integer.parseInt(line.replaceAll(".*\\((\\d+) bytes\\):\\s*$", "$1"));
                StringBuilder hex = new StringBuilder();
                while (i + 1 < lines.length && lines[i + 1].matches("^  ([0-9a-f]{2} ?)+\\s*$")) {
                    hex.append(lines[++i].replace(" ", ""));
                }
                byte[] bytes = HexFormat.of().parseHex(hex.toString());
                if (bytes.length != declared) {
                    throw new IllegalStateException(name + ": declared " + declared + " bytes, found " + bytes.length);
                }
                if (line.startsWith("request")) {
                    if (request != null) {
                        exchanges.add(new Exchange(title, request, List.copyOf(replies)));
                        replies = new ArrayList<>();
                    }
                    request = bytes;
                } else {
                    replies.add(bytes);
                }
            }
        }
        if (request != null) {
            exchanges.add(new Exchange(title, request, List.copyOf(replies)));
        }
        return new GoldenCapture(name, command, List.copyOf(output), List.copyOf(exchanges));
    }

    /** The exchanges with this title, e.g. "IPVS_CMD_GET_DEST". */
    List<Exchange> exchanges(String title) {
        return exchanges.stream().filter(e -> e.title().equals(title)).toList();
    }

    /** The single exchange with this title. */
    Exchange exchange(String title) {
        List<Exchange> found = exchanges(title);
        if (found.size() != 1) {
            throw new IllegalStateException(name + ": " + found.size() + " exchanges titled " + title);
        }
        return found.get(0);
    }

    /** The IPVS family id of this capture's boot (the nlmsg_type of its IPVS requests). */
    int familyId() {
        for (Exchange e : exchanges) {
            int type = (e.request()[4] & 0xff) | (e.request()[5] & 0xff) << 8;
            if (type != 0x10) {
                return type;
            }
        }
        throw new IllegalStateException(name + ": no IPVS request");
    }
}
